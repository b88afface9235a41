import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError, SecretBoxErrorCode } from '../../src/crypto/secret-box.js';
import { runMigrations } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations.js';
import { openSqliteEngine } from '../../src/store/sqlite/sqlite-store.js';
import { eventFor, hookWithChannels, newHook, T0 } from './contract/fixtures.js';
import { installation } from './contract/workspaces-contract.js';
import { runStoreContract } from './contract.js';
import { makeSqliteHarness, type SqliteHarness } from './sqlite-harness.js';

runStoreContract('sqlite', makeSqliteHarness);

describe('sqlite store on disk', () => {
  let h: SqliteHarness;
  let key: Buffer;
  beforeEach(async () => {
    key = randomBytes(32);
    h = await makeSqliteHarness(createSecretBox(key));
  });
  afterEach(() => h.cleanup());

  const raw = () => new Database(h.path);

  it('keeps its data across close and reopen', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    await h.store.ingestEvent(eventFor(hook));
    await h.store.close();
    const again = await h.open(createSecretBox(key));
    expect((await again.getHook(hook.id))?.secret).toBe(hook.secret);
    expect(await again.countEvents()).toBe(1);
    expect((await again.queueStats(T0)).depth).toBe(1);
    await expect(h.store.ping()).rejects.toThrow();
    await expect(again.ping()).resolves.toBeUndefined();
  });

  it('applies each migration once and records it', async () => {
    const engine = openSqliteEngine({ path: h.path });
    const db = raw();
    try {
      expect(await runMigrations(engine)).toEqual([]);
      const rows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
      expect(rows).toEqual(migrations.map(({ id, name }) => ({ id, name })));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const fresh = openSqliteEngine({ path: ':memory:' });
      expect(await runMigrations(fresh)).toEqual(migrations.map((m) => m.id));
      expect(await runMigrations(fresh)).toEqual([]);
      await fresh.close();
    } finally {
      db.close();
      await engine.close();
    }
  });

  it('enforces references: a subscription needs an existing hook', async () => {
    const sub = { teamId: 'T1', channelId: 'C1', projectId: 'p', hookId: 'hk_missing', createdBy: null };
    await expect(h.store.upsertSubscription({ ...sub, events: ['deploy.started'] })).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it('writes no secret, token or API key in plaintext to the file or its WAL', async () => {
    const hook = newHook({ secret: 'whsec_PLAINTEXT_HOOK_SECRET_0001' });
    await h.store.insertHook(hook);
    await h.store.saveInstallation(installation('T1', 'xoxb-PLAINTEXT-BOT-TOKEN-0002'));
    const apiKey = 'sk_PLAINTEXT_API_KEY_0003';
    await h.store.setApiKey({ teamId: 'T1', apiKey, label: 'label', createdBy: null, createdAt: T0 });
    const files = [h.path, `${h.path}-wal`].filter((f) => existsSync(f));
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(files).toContain(`${h.path}-wal`);
    expect(bytes.includes(hook.id)).toBe(true);
    for (const plain of [hook.secret, 'xoxb-PLAINTEXT-BOT-TOKEN-0002', apiKey]) {
      expect(bytes.includes(plain)).toBe(false);
    }
    expect((await h.store.getApiKey('T1'))?.apiKey).toBe(apiKey);
  });

  it('refuses a tampered ciphertext', async () => {
    const hook = newHook();
    await h.store.insertHook(hook);
    const db = raw();
    const { sealed } = db.prepare('SELECT secret_sealed AS sealed FROM hooks WHERE id = ?').get(hook.id) as {
      sealed: string;
    };
    const parts = sealed.split('.');
    parts[4] = (parts[4]!.startsWith('A') ? 'B' : 'A') + parts[4]!.slice(1);
    db.prepare('UPDATE hooks SET secret_sealed = ? WHERE id = ?').run(parts.join('.'), hook.id);
    db.close();
    await expect(h.store.getHook(hook.id)).rejects.toBeInstanceOf(SecretBoxError);
    await expect(h.store.getHook(hook.id)).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
    await expect(h.store.verifySecrets()).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
  });

  it('refuses a ciphertext moved to another row', async () => {
    const a = newHook();
    const b = newHook();
    await h.store.insertHook(a);
    await h.store.insertHook(b);
    await h.store.saveInstallation(installation('T1'));
    await h.store.setApiKey({ teamId: 'T1', apiKey: 'k', label: null, createdBy: null, createdAt: T0 });
    const db = raw();
    db.prepare(
      'UPDATE hooks SET secret_sealed = (SELECT secret_sealed FROM hooks WHERE id = ?) WHERE id = ?',
    ).run(a.id, b.id);
    db.prepare('UPDATE api_keys SET api_key_sealed = (SELECT bot_token_sealed FROM installations)').run();
    db.close();
    expect((await h.store.getHook(a.id))?.secret).toBe(a.secret);
    await expect(h.store.getHook(b.id)).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
    await expect(h.store.getApiKey('T1')).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
  });
});
