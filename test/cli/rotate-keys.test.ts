import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../src/cli/rotate-keys.js';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('rotate-keys', () => {
  it('re-encrypts every secret so that only the new key is needed afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sota-rotate-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = createSqliteStore({ path, secretBox: createSecretBox(oldKey) });
    await before.migrate();
    await before.insertHook({
      id: 'hook1',
      teamId: 'T1',
      projectId: '550e8400-e29b-41d4-a716-446655440000',
      projectName: 'my-app',
      projectSlug: 'my-app',
      sotaWebhookId: 'wh1',
      secret: 'whsec_rotate_me',
    });
    await before.setApiKey({
      teamId: 'T1',
      apiKey: 'sota_key_rotate',
      label: null,
      createdBy: 'U1',
      createdAt: 1,
    });
    await before.close();

    const env = {
      DATABASE_URL: `file:${path}`,
      ENCRYPTION_KEY: newKey.toString('base64'),
      ENCRYPTION_KEY_PREVIOUS: oldKey.toString('hex'),
    };
    expect(await rotateKeys(env)).toBe(2);
    expect(await rotateKeys(env)).toBe(0);

    const after = createSqliteStore({ path, secretBox: createSecretBox(newKey) });
    await after.verifySecrets();
    expect((await after.getHook('hook1'))?.secret).toBe('whsec_rotate_me');
    expect((await after.getApiKey('T1'))?.apiKey).toBe('sota_key_rotate');
    await after.close();
    expect(readFileSync(path).includes('whsec_rotate_me')).toBe(false);
  });

  it('refuses to run when a stored secret cannot be opened with the configured keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sota-rotate-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    const store = createSqliteStore({ path, secretBox: createSecretBox(randomBytes(32)) });
    await store.migrate();
    await store.setApiKey({ teamId: 'T1', apiKey: 'sota_x', label: null, createdBy: null, createdAt: 1 });
    await store.close();
    const env = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      DATABASE_URL: `file:${path}`,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    await expect(rotateKeys(env)).rejects.toThrow(/not configured/);
  });
});
