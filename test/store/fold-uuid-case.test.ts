/**
 * The migration that folds ids stored in upper or mixed case (before webhooks were read in lower
 * case): on SQLite and on PostgreSQL, a deployment stored under two spellings becomes one, keeping
 * its first events, the message already posted, and one delivery job due again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations.js';
import { openPostgresEngine } from '../../src/store/postgres/postgres-store.js';
import { openSqliteEngine } from '../../src/store/sqlite/sqlite-store.js';
import { createTestSchema, needsPostgres, TEST_DATABASE_URL } from '../scale/pg-schema.js';

const PROJECT = 'ABCDEF01-2345-4789-ABCD-EF0123456789';
const DEP = '0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9';
const OTHER = '11111111-2222-4333-8444-555555555555';
const lower = (id: string) => id.toLowerCase();

const ROWS = `
INSERT INTO hooks (id, team_id, project_id, secret_sealed, created_at) VALUES ('h1', 'T1', '${PROJECT}', 'x', 1);
INSERT INTO subscriptions (team_id, channel_id, project_id, hook_id, events, created_at, updated_at)
  VALUES ('T1', 'C1', '${PROJECT}', 'h1', '%EVENTS%', 1, 1);
INSERT INTO events (id, hook_id, project_id, deployment_id, event, occurred_at, received_at, payload, disposition) VALUES
  (1, 'h1', '${PROJECT}', '${lower(DEP)}', 'deploy.started', 't', 1, '{}', 'deliver'),
  (2, 'h1', '${PROJECT}', '${DEP}', 'deploy.started', 't', 2, '{}', 'deliver'),
  (3, 'h1', '${PROJECT}', '${DEP}', 'deploy.failed', 't', 3, '{}', 'deliver'),
  (4, 'h1', '${PROJECT}', '${OTHER}', 'deploy.started', 't', 4, '{}', 'deliver');
INSERT INTO messages (team_id, channel_id, deployment_id, ts, shown_status, updated_at) VALUES
  ('T1', 'C1', '${DEP}', '2.2', 'failed', 1),
  ('T1', 'C1', '${lower(DEP)}', '1.1', 'started', 1),
  ('T1', 'C1', '${OTHER}', '3.3', 'started', 1);
INSERT INTO jobs (team_id, channel_id, deployment_id, hook_id, project_id, state, version, attempts,
    next_attempt_at, enqueued_at, updated_at) VALUES
  ('T1', 'C1', '${lower(DEP)}', 'h1', '${PROJECT}', 'done', 1, 1, 10, 1, 1),
  ('T1', 'C1', '${DEP}', 'h1', '${PROJECT}', 'done', 2, 1, 10, 2, 2),
  ('T1', 'C1', '${OTHER}', 'h1', '${PROJECT}', 'done', 1, 1, 10, 1, 1);
`;

const before = migrations.filter((m) => m.name !== 'fold_uuid_case');
const fold = migrations.find((m) => m.name === 'fold_uuid_case')?.id;

const QUERIES = {
  hooks: 'SELECT id, project_id FROM hooks',
  subscriptions: 'SELECT channel_id, project_id FROM subscriptions',
  events: 'SELECT id, deployment_id, event FROM events ORDER BY id',
  messages: 'SELECT deployment_id, ts FROM messages ORDER BY ts',
  jobs: 'SELECT deployment_id, state, version, next_attempt_at FROM jobs ORDER BY deployment_id',
};

const EXPECTED = {
  hooks: [{ id: 'h1', project_id: lower(PROJECT) }],
  subscriptions: [{ channel_id: 'C1', project_id: lower(PROJECT) }],
  events: [
    { id: 1, deployment_id: lower(DEP), event: 'deploy.started' },
    { id: 3, deployment_id: lower(DEP), event: 'deploy.failed' },
    { id: 4, deployment_id: OTHER, event: 'deploy.started' },
  ],
  messages: [
    { deployment_id: lower(DEP), ts: '1.1' },
    { deployment_id: OTHER, ts: '3.3' },
  ],
  jobs: [
    { deployment_id: lower(DEP), state: 'pending', version: 2, next_attempt_at: 0 },
    { deployment_id: OTHER, state: 'done', version: 1, next_attempt_at: 10 },
  ],
};

describe('folding ids stored in another letter case', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sota-slack-fold-'));
    const engine = openSqliteEngine({ path: join(dir, 'store.db') });
    const db = new Database(join(dir, 'store.db'));
    try {
      await runMigrations(engine, undefined, before);
      db.exec(ROWS.replace('%EVENTS%', '["deploy.started"]'));
      expect(await runMigrations(engine)).toEqual([fold]);
      const found = Object.fromEntries(
        Object.entries(QUERIES).map(([table, sql]) => [table, db.prepare(sql).all()]),
      );
      expect(found).toEqual(EXPECTED);
    } finally {
      db.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on PostgreSQL', needsPostgres, async () => {
    const schema = await createTestSchema(TEST_DATABASE_URL ?? '');
    const engine = openPostgresEngine({ url: schema.url });
    try {
      await runMigrations(engine, undefined, before);
      await schema.query(ROWS.replace('%EVENTS%', '["deploy.started"]'));
      expect(await runMigrations(engine)).toEqual([fold]);
      const found: Record<string, unknown[]> = {};
      for (const [table, sql] of Object.entries(QUERIES)) {
        found[table] = (await schema.query(sql)).map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              typeof v === 'string' && /^\d+$/.test(v) && k !== 'ts' ? Number(v) : v,
            ]),
          ),
        );
      }
      expect(found).toEqual(EXPECTED);
    } finally {
      await engine.close();
      await schema.drop();
    }
  });
});
