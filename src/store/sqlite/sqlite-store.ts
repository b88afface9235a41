import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../log/logger.js';
import { createStore } from '../create-store.js';
import type { Engine } from '../engine.js';
import { sql } from '../kysely.js';
import { ingest } from '../queries/inbox.js';
import { releaseLeftLeases } from '../queries/queue.js';
import type { IngestEvent, IngestResult, Store } from '../types.js';
import { createSqliteClaimJobs } from './claim-jobs.js';
import { type BatchOutcome, createGroupCommit } from './group-commit.js';
import { createIngestBatch } from './ingest-batch.js';
import { openDatabase } from './open-database.js';
import { takeOwnerLock } from './owner-lock.js';
import { createSqliteKysely } from './single-writer.js';

export interface SqliteStoreOptions {
  /** The database file; its directory is created when missing. */
  path: string;
  secretBox: SecretBox;
  logger?: Logger;
  /** How long a write waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * This process owns the file (the app does; tools that read beside it do not): take the file's
   * owner lock, refusing with StoreLockedError when another process holds it, and on `migrate()`
   * free the delivery leases a previous owner left behind.
   */
  owner?: boolean;
}

/**
 * The embedded default store: one SQLite file in WAL mode with durable (synchronous=FULL)
 * commits. Call `migrate()` before anything else.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const { secretBox, logger } = options;
  const lock = options.owner ? takeOwnerLock(options.path) : undefined;
  let engine: Engine;
  try {
    engine = openSqliteEngine(options);
  } catch (error) {
    lock?.release();
    throw error;
  }
  if (!lock) return createStore(engine, secretBox, logger);
  const store = createStore(
    { ...engine, close: () => engine.close().finally(lock.release) },
    secretBox,
    logger,
  );
  return {
    ...store,
    async migrate() {
      await store.migrate();
      const released = await releaseLeftLeases(engine.db);
      if (released > 0) logger?.info({ released }, 'released the delivery leases a previous process left');
    },
  };
}

/** The SQLite engine: the shared query layer plus its single writer, group commit and claim. */
export function openSqliteEngine(options: Pick<SqliteStoreOptions, 'path' | 'busyTimeoutMs'>): Engine {
  const raw = openDatabase(options.path, { busyTimeoutMs: options.busyTimeoutMs });
  const db = createSqliteKysely(raw);

  // Group commit, as SQLite has one writer and a durable commit costs an fsync: the events of one
  // turn share a transaction. The batch runs prepared and synchronously while it holds the one
  // connection; when any input fails it is rolled back whole and run again with a savepoint per
  // input, so a bad input undoes only its own rows.
  const fastBatch = createIngestBatch(raw, db);
  const savepointBatch = (inputs: IngestEvent[]) =>
    db.transaction().execute(async (trx) => {
      const outcomes: BatchOutcome<IngestResult>[] = [];
      for (const input of inputs) {
        await sql`SAVEPOINT ingest`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await ingest(trx, input) });
        } catch (error) {
          // SQLite rolled the whole transaction back (I/O error, disk full...): fail the batch.
          if (!raw.inTransaction) throw error;
          await sql`ROLLBACK TO ingest`.execute(trx);
          outcomes.push({ ok: false, error });
        }
        await sql`RELEASE ingest`.execute(trx);
      }
      return outcomes;
    });
  const group = createGroupCommit<IngestEvent, IngestResult>(async (inputs) => {
    let values: IngestResult[];
    try {
      values = await db.connection().execute(async () => fastBatch(inputs));
    } catch {
      return savepointBatch(inputs);
    }
    return values.map((value): BatchOutcome<IngestResult> => ({ ok: true, value }));
  });

  let closed: Promise<void> | undefined;
  return {
    name: 'sqlite',
    db,
    // BEGIN IMMEDIATE already holds the one write lock for the whole migration.
    lockMigrations: async () => {},
    ingestEvent: (input) => group.submit(input),
    claimJobs: createSqliteClaimJobs(raw, db),
    close() {
      closed ??= group.close().then(() => db.destroy());
      return closed;
    },
  };
}
