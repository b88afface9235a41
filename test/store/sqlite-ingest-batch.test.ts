import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { ingest } from '../../src/store/queries/inbox.js';
import { createIngestBatch } from '../../src/store/sqlite/ingest-batch.js';
import { createSqliteKysely } from '../../src/store/sqlite/single-writer.js';
import { eventFor, hookWithChannels, T0 } from './contract/fixtures.js';
import { makeSqliteHarness, type SqliteHarness } from './sqlite-harness.js';

const ORDER = { events: 'id', jobs: 'channel_id' } as const;

/** A table's rows of one deployment, without the columns that differ between two deployments. */
const rowsOf = (raw: Database.Database, table: keyof typeof ORDER, deploymentId: string) =>
  raw
    .prepare(`SELECT * FROM ${table} WHERE deployment_id = ? ORDER BY ${ORDER[table]}`)
    .all(deploymentId)
    .map((row) => {
      const { id: _id, deployment_id: _d, payload: _p, ...rest } = row as Record<string, unknown>;
      return rest;
    });

describe('the prepared ingest batch of SQLite', () => {
  let h: SqliteHarness;
  beforeEach(async () => {
    h = await makeSqliteHarness(createSecretBox(randomBytes(32)));
  });
  afterEach(() => h.cleanup());

  it('stores exactly the rows the query layer stores, and answers the same for new and duplicate events', async () => {
    const hook = await hookWithChannels(h.store, ['C2', 'C1']);
    await h.store.close();
    const raw = new Database(h.path);
    const db = createSqliteKysely(raw);
    try {
      const batch = createIngestBatch(raw, db);
      const viaBatch = eventFor(hook, { receivedAt: T0 + 5 });
      const viaLayer = eventFor(hook, { receivedAt: T0 + 5 });
      const unknown = eventFor(hook, { event: 'deploy.paused', disposition: 'unknown' });
      expect(batch([viaBatch, viaBatch, unknown])).toEqual([
        { duplicate: false, enqueued: 2 },
        { duplicate: true, enqueued: 0 },
        { duplicate: false, enqueued: 0 },
      ]);
      expect(await ingest(db, viaLayer)).toEqual({ duplicate: false, enqueued: 2 });
      for (const table of ['events', 'jobs'] as const) {
        expect(rowsOf(raw, table, viaBatch.deploymentId)).toEqual(rowsOf(raw, table, viaLayer.deploymentId));
      }
      expect(rowsOf(raw, 'jobs', viaBatch.deploymentId)).toHaveLength(2);
    } finally {
      await db.destroy();
    }
  });
});
