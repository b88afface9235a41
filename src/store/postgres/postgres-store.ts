import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../log/logger.js';
import { createStore } from '../create-store.js';
import type { Engine } from '../engine.js';
import { Kysely, PostgresDialect, sql } from '../kysely.js';
import { ingest } from '../queries/inbox.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { createPgClaimJobs } from './claim-jobs.js';
import { createPgPool, type PgPoolOptions } from './pool.js';

export interface PostgresStoreOptions {
  /** postgres:// or postgresql:// connection string (may carry `options=-c search_path=…`). */
  url: string;
  secretBox: SecretBox;
  logger?: Logger;
  pool?: PgPoolOptions;
}

/**
 * The store for several instances on one PostgreSQL database. Every instance may receive events
 * and run the delivery worker: de-duplication rests on a unique index, the queue on row leases
 * taken with SKIP LOCKED. Call `migrate()` before anything else.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  return createStore(openPostgresEngine(options), options.secretBox, options.logger);
}

/** The PostgreSQL engine: the shared query layer plus its migration lock and SKIP LOCKED claim. */
export function openPostgresEngine(options: Omit<PostgresStoreOptions, 'secretBox'>): Engine {
  const pool = createPgPool(options.url, options.pool, options.logger);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    name: 'postgres',
    db,
    // One lock per schema: instances starting together wait for each other instead of racing,
    // and tests in separate schemas of one database do not serialise on each other.
    lockMigrations: async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended('sota-slack.migrate.' || current_schema(), 0))`.execute(
        trx,
      );
    },
    // Concurrent ingests of one event wait on the unique index, then find it stored.
    ingestEvent: (input) => db.transaction().execute((trx) => ingest(trx, input)),
    claimJobs: createPgClaimJobs(db),
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
