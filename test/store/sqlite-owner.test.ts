/**
 * One process owns a SQLite file: a second owner is refused at once, with one line naming the file,
 * and the owner frees the leases a crashed process left, so its deliveries run again at once.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { StoreLockedError } from '../../src/store/sqlite/owner-lock.js';
import { eventFor, hookWithChannels, T0 } from './contract/fixtures.js';
import { makeSqliteHarness, type SqliteHarness } from './sqlite-harness.js';

const HOUR = 3600_000;
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** Runs the real entry point on `dbPath` and returns its exit code and what it printed on stderr. */
function runMain(dbPath: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      SLACK_SIGNING_SECRET: 'owner-test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-owner-test',
      DATABASE_URL: `file:${dbPath}`,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('the owner of a SQLite file', () => {
  let h: SqliteHarness;
  const box = createSecretBox(randomBytes(32));
  beforeEach(async () => {
    h = await makeSqliteHarness(box);
  });
  afterEach(() => h.cleanup());

  it('is the only one: a second owner is refused naming the file, and may own it once the first closed', async () => {
    const owner = await h.open(box, { owner: true });
    const second = h.open(box, { owner: true });
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second).rejects.toThrow(h.path);
    await expect(h.store.countEvents()).resolves.toBe(0);

    await owner.close();
    const next = await h.open(box, { owner: true });
    await expect(next.ping()).resolves.toBeUndefined();
  });

  it('makes a second app process on the same file exit with status 1 and one line naming the file', async () => {
    const owner = await h.open(box, { owner: true });
    const { code, stderr } = await runMain(h.path);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(h.path);
    expect(lines[0]).toMatch(/in use by another sota-slack process/);
    await expect(owner.ping()).resolves.toBeUndefined();
  });

  it('frees the leases a crashed process left when it opens the file; a store that is not the owner does not', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    await h.store.ingestEvent(eventFor(hook));
    const [leased] = await h.store.claimJobs('crashed', T0, HOUR, 10);
    expect(leased).toBeDefined();

    const reader = await h.open(box);
    expect(await reader.claimJobs('reader', T0 + 1, HOUR, 10)).toEqual([]);
    const owner = await h.open(box, { owner: true });
    const [resumed] = await owner.claimJobs('owner', T0 + 1, HOUR, 10);
    expect(resumed).toMatchObject({ deploymentId: leased!.deploymentId, leaseOwner: 'owner' });
  });
});
