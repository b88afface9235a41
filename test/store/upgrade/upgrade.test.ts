import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../src/crypto/secret-box.js';
import { migrations } from '../../../src/store/migrations.js';
import { createPostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { needsPostgres, TEST_DATABASE_URL, withSearchPath } from '../../scale/pg-schema.js';

/**
 * A SQLite file and a PostgreSQL dump written by the first release's stores (each with its own
 * migrations), and every row they held, read back then. After the upgrade every row is still
 * there, changed only where the shared schema says so, and the store reads and writes it.
 */
/** Rows as the first release's raw reads returned them (BIGINT as text on PostgreSQL). */
const HERE = new URL('.', import.meta.url).pathname;
const release = JSON.parse(readFileSync(join(HERE, 'release-rows.json'), 'utf8')) as {
  key: string;
  sqlite: Record<string, Array<Record<string, unknown>>>;
  postgres: Record<string, Array<Record<string, unknown>>>;
};
const TABLES = Object.keys(release.sqlite);
const box = () => createSecretBox(Buffer.from(release.key, 'hex'));

/** What the first release's data must still say through the store, and that it can still be written. */
async function expectReadable(store: Store): Promise<void> {
  expect((await store.getHook('hk_release_one'))?.secret).toBe('whsec_release_one_secret');
  expect(await store.getHook('hk_release_two')).toMatchObject({ status: 'retired', remoteDeleted: true });
  const subs = await store.listSubscriptions({ teamId: 'T0001' });
  expect(subs.map((s) => [s.channelId, s.events])).toEqual([
    ['C0001', ['deploy.started', 'deploy.succeeded', 'deploy.failed']],
    ['C0002', ['deploy.failed']],
  ]);
  expect(await store.getSubscription('T0002', 'C0003', '5d6e7f80-9a1b-4c2d-9e3f-4a5b6c7d8e9f')).toMatchObject(
    {
      state: 'paused',
      pausedReason: 'not_in_channel',
    },
  );
  expect((await store.getInstallation('T0001'))?.botToken).toBe('xoxb-release-one');
  expect((await store.getApiKey('T0001'))?.apiKey).toBe('sota_release_api_key');
  await expect(store.verifySecrets()).resolves.toBeUndefined();
  expect(await store.consumeOAuthState('state-release-1', Date.now())).toBe('{"installOptions":{}}');
  const deployment = '0a1b2c3d-0000-4000-8000-000000000002';
  expect(await store.listDeploymentEvents('hk_release_one', deployment)).toHaveLength(2);
  const next = {
    hookId: 'hk_release_one',
    projectId: '3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    deploymentId: deployment,
    event: 'deploy.succeeded',
    occurredAt: new Date().toISOString(),
    receivedAt: Date.now(),
    payload: '{}',
    disposition: 'deliver' as const,
  };
  // Both active subscriptions of the hook (C0001, C0002) get the job; the worker applies filters.
  expect(await store.ingestEvent(next)).toEqual({ duplicate: false, enqueued: 2 });
  expect(await store.countEvents()).toBe(6);
}

describe('upgrading a SQLite file written by the first release', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('keeps every row and the store reads and writes them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sota-slack-upgrade-'));
    const path = join(dir, 'store.db');
    copyFileSync(join(HERE, 'release.sqlite'), path);
    const store = createSqliteStore({ path, secretBox: box() });
    try {
      await store.migrate();
      const db = new Database(path, { readonly: true });
      for (const table of TABLES) {
        expect(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(), table).toEqual(
          release.sqlite[table]!.map((row) => laterColumns(table, row)),
        );
      }
      const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
      db.close();
      expect(applied).toEqual(migrations.map((m) => m.id));
      expect(applied).toEqual(migrations.map(({ id }) => id));
      await expectReadable(store);
    } finally {
      await store.close();
    }
  });
});

describe('upgrading a PostgreSQL schema written by the first release', needsPostgres, () => {
  const base = TEST_DATABASE_URL ?? '';
  const schema = `t_upgrade_${process.pid}_${Date.now()}`;
  const psql = (args: string[]) => execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', base, ...args]);
  afterEach(() => psql(['-c', `SET client_min_messages = warning; DROP SCHEMA IF EXISTS ${schema} CASCADE`]));

  // The second release added its id-case fold as PostgreSQL's migration 2 (the shared list's 3).
  const folded = `INSERT INTO schema_migrations VALUES (2, 'fold_uuid_case', 0);`;
  it.each([
    ['as the first release left it', ''],
    ['after the second release folded id case under its own numbering', folded],
  ])('keeps every row (the event filter as JSON text, the flag as 0/1), %s', async (_, later) => {
    const dump = readFileSync(join(HERE, 'release.pg.sql'), 'utf8').replaceAll('__SCHEMA__', schema);
    const file = join(mkdtempSync(join(tmpdir(), 'sota-slack-upgrade-')), 'release.sql');
    writeFileSync(file, `${dump}\nSET search_path = ${schema};\n${later}\n`);
    psql(['-f', file]);
    const url = withSearchPath(base, schema);
    const store = createPostgresStore({ url, secretBox: box() });
    try {
      await store.migrate();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const table of TABLES) {
          const { rows } = await client.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
          expect(rows, table).toEqual(release.postgres[table]!.map((row) => upgraded(table, row)));
        }
        const { rows } = await client.query('SELECT id, name FROM schema_migrations ORDER BY id');
        expect(rows).toEqual(migrations.map(({ id, name }) => ({ id, name })));
        const indexes = await client.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1', [
          schema,
        ]);
        expect(indexes.rows.map((r) => r.indexname)).toEqual(
          expect.arrayContaining(['jobs_pending_channel', 'jobs_leased']),
        );
      } finally {
        await client.end();
      }
      await expectReadable(store);
    } finally {
      await store.close();
    }
  });
});

/** A first-release row with the columns later migrations added (a subscription's `changes` mode, off). */
function laterColumns(table: string, row: Record<string, unknown>): Record<string, unknown> {
  return table === 'subscriptions' ? { ...row, changes: 0 } : row;
}

/** A first-release PostgreSQL row as the shared schema holds it. */
function upgraded(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'subscriptions') return laterColumns(table, { ...row, events: JSON.stringify(row.events) });
  if (table === 'hooks') return { ...row, remote_deleted: row.remote_deleted ? 1 : 0 };
  return row;
}
