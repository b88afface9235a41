import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCopyStore } from '../../src/cli/copy-store.js';
import { loadOrCreateKeyFile } from '../../src/crypto/key-file.js';
import { createSecretBox, SecretBoxErrorCode } from '../../src/crypto/secret-box.js';
import { keyFilePath } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { createTestSchema, needsPostgres, TEST_DATABASE_URL, type TestSchema } from '../scale/pg-schema.js';
import { eventFor, hookWithChannels, T0 } from '../store/contract/fixtures.js';
import { installation } from '../store/contract/workspaces-contract.js';

/** A SQLite store as the embedded default leaves it: key file beside the database, some of everything. */
async function fillSqlite(store: Store) {
  const hook = await hookWithChannels(store, ['C1', 'C2']);
  const old = await hookWithChannels(store, [], { projectId: 'retired-project' });
  await store.retireHook(old.id, false);
  await store.upsertSubscription({ ...subscription(hook, 'C3'), events: ['deploy.failed'] });
  await store.pauseSubscriptions({ teamId: 'T1', channelId: 'C2' }, 'not_in_channel');
  const started = eventFor(hook, { receivedAt: T0 });
  await store.ingestEvent(started);
  await store.ingestEvent({ ...started, event: 'deploy.succeeded', receivedAt: T0 + 5 });
  await store.ingestEvent(eventFor(hook, { disposition: 'stale', receivedAt: T0 + 6 }));
  const [leased] = await store.claimJobs('old-instance', T0 + 10, 30_000, 10);
  await store.saveMessage({
    teamId: 'T1',
    channelId: 'C1',
    deploymentId: started.deploymentId,
    ts: '1.000100',
  });
  await store.holdWorkspace('T1', T0 + 60_000);
  await store.saveInstallation(installation('T1', 'xoxb-copied-bot-token'));
  await store.setApiKey({
    teamId: 'T1',
    apiKey: 'sota_copied_api_key',
    label: '2 projects',
    createdBy: 'U1',
    createdAt: T0,
  });
  await store.saveOAuthState('state-1', '{"teamId":"T1"}', Date.now() + 600_000);
  const mute = { teamId: 'T1', channelId: 'C1', target: '*', mutedAt: T0, until: T0 + 3_600_000 };
  await store.setMute({ ...mute, createdBy: 'U1' });
  await store.setDigest({
    teamId: 'T1',
    channelId: 'C1',
    time: '09:00',
    timeZone: 'UTC',
    createdBy: 'U1',
    updatedAt: T0,
  });
  const message = { text: 'Muted for an hour', blocks: [] };
  await store.claimNotice({
    key: 'mute:T1:C1',
    teamId: 'T1',
    channelId: 'C1',
    kind: 'mute_summary',
    message,
    createdAt: T0,
  });
  await store.renameHookProject(hook.id, 'My App', 'my-app', T0);
  return { hook, old, started, leased: leased! };
}

function subscription(hook: { id: string; teamId: string; projectId: string }, channelId: string) {
  return {
    teamId: hook.teamId,
    channelId,
    projectId: hook.projectId,
    hookId: hook.id,
    events: [],
    createdBy: 'U1',
  };
}

/** What a store shows about the filled data, through the Store interface only. */
async function snapshot(store: Store, data: Awaited<ReturnType<typeof fillSqlite>>) {
  return {
    hook: await store.getHook(data.hook.id),
    old: await store.findHook('T1', 'retired-project'),
    subscriptions: await store.listSubscriptions({ teamId: 'T1' }),
    events: await store.listDeploymentEvents(data.hook.id, data.started.deploymentId),
    eventCount: await store.countEvents(),
    message: await store.getMessage('T1', 'C1', data.started.deploymentId),
    hold: await store.getWorkspaceHold('T1'),
    installation: await store.getInstallation('T1'),
    apiKey: await store.getApiKey('T1'),
    stats: await store.queueStats(T0 + 100),
    mutes: await store.listMutes({ teamId: 'T1' }),
    digest: await store.getDigest('T1', 'C1'),
    notice: await store.getNotice('mute:T1:C1'),
    namesToRefresh: await store.listHooksToRefresh(T0 + 1, 10),
  };
}

describe('PostgreSQL', needsPostgres, () => {
  const baseUrl = TEST_DATABASE_URL ?? '';

  describe('store:copy from SQLite to PostgreSQL', () => {
    let dir: string;
    let schema: TestSchema;
    let sqlitePath: string;
    const targetKey = randomBytes(32);
    const env = { ENCRYPTION_KEY: targetKey.toString('base64') };
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const opened: Store[] = [];
    const openPg = (key: Buffer) => {
      const store = createPostgresStore({ url: schema.url, secretBox: createSecretBox(key) });
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sota-slack-copy-'));
      sqlitePath = join(dir, 'data', 'sota-slack.db');
      schema = await createTestSchema(baseUrl);
      lines.length = 0;
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await schema.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function sqliteWithData() {
      const sourceKey = loadOrCreateKeyFile(keyFilePath(sqlitePath)).key;
      const sqlite = createSqliteStore({ path: sqlitePath, secretBox: createSecretBox(sourceKey) });
      await sqlite.migrate();
      const data = await fillSqlite(sqlite);
      return { sqlite, data, sourceKey };
    }

    it('copies everything, re-sealed with the target key, and the PostgreSQL store reads it back', async () => {
      const { sqlite, data, sourceKey } = await sqliteWithData();
      const expected = await snapshot(sqlite, data);
      await sqlite.close();

      const code = await runCopyStore(['--from', `file:${sqlitePath}`, '--to', schema.url], env, io);
      expect(lines.join('\n')).toContain('hooks 2, subscriptions 3, events 3, jobs 2');
      expect(code).toBe(0);

      const pg = openPg(targetKey);
      await pg.migrate();
      expect(await snapshot(pg, data)).toEqual(expected);
      await expect(pg.verifySecrets()).resolves.toBeUndefined();
      await expect(openPg(sourceKey).verifySecrets()).rejects.toMatchObject({
        code: SecretBoxErrorCode.unknownKey,
      });
      expect(await pg.consumeOAuthState('state-1', Date.now())).toBe('{"teamId":"T1"}');
      for (const secret of [data.hook.secret, 'xoxb-copied-bot-token', 'sota_copied_api_key']) {
        expect(lines.join('\n')).not.toContain(secret);
      }
    });

    it('leaves the old lease behind, keeps the inbox de-duplicated and numbering new events after it', async () => {
      const { sqlite, data } = await sqliteWithData();
      await sqlite.close();
      expect(await runCopyStore(['--from', sqlitePath, '--to', schema.url], env, io)).toBe(0);
      const pg = openPg(targetKey);
      // One job per active subscription (C1, and C3 whose filter still follows the deployment).
      expect(await schema.query('SELECT lease_owner, lease_until FROM jobs')).toEqual([
        { lease_owner: null, lease_until: null },
        { lease_owner: null, lease_until: null },
      ]);
      expect(await pg.claimJobs('new-instance', T0 + 59_999, 30_000, 10)).toEqual([]);
      const [job] = await pg.claimJobs('new-instance', T0 + 60_000, 30_000, 10);
      expect(job).toMatchObject({
        deploymentId: data.leased.deploymentId,
        version: 2,
        leaseOwner: 'new-instance',
      });
      expect(await pg.ingestEvent(data.started)).toEqual({ duplicate: true, enqueued: 0 });
      const fresh = await pg.ingestEvent(eventFor(data.hook, { receivedAt: T0 + 30 }));
      expect(fresh).toEqual({ duplicate: false, enqueued: 2 }); // C1 and C3
      expect(await pg.countEvents()).toBe(4);
    });

    it('refuses a target that already holds data, and a missing key, changing nothing', async () => {
      const { sqlite } = await sqliteWithData();
      await sqlite.close();
      expect(await runCopyStore(['--from', sqlitePath, '--to', schema.url], {}, io)).toBe(2);
      expect(lines.join('\n')).toContain('ENCRYPTION_KEY is required');
      expect(await runCopyStore(['--from', sqlitePath, '--to', schema.url], env, io)).toBe(0);
      expect(await runCopyStore(['--from', sqlitePath, '--to', schema.url], env, io)).toBe(1);
      expect(lines.at(-1)).toContain('already holds data');
      expect(await openPg(targetKey).countEvents()).toBe(3);
    });
  });
});

describe('store:copy settings', () => {
  it('reads the target and keys through the configuration, naming every problem at once', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const env = { DATABASE_URL: 'mysql://db/app', ENCRYPTION_KEY: 'short' };
    expect(await runCopyStore(['--from', 'file:/nonexistent/sota-slack.db'], env, io)).toBe(2);
    const problems = lines
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('store:copy: '));
    expect(problems).toEqual([
      'store:copy: --to expects a postgres:// or postgresql:// URL (default: DATABASE_URL when it is one)',
      'store:copy: ENCRYPTION_KEY expects 32 random bytes as base64 (44 characters) or hex (64 characters), e.g. from `openssl rand -base64 32`',
      'store:copy: --from: no SQLite database at /nonexistent/sota-slack.db',
    ]);
  });
});
