import type { EngineName } from './migrations.js';
import type { Db } from './schema.js';
import type { InboxStore } from './types.js';

/**
 * What one engine adds to the shared query layer: only where SQLite and PostgreSQL really
 * differ (how writers are serialised, how due jobs are claimed, how a migration is locked).
 */
export interface Engine {
  name: EngineName;
  db: Db;
  /** Taken first in the migration transaction, so instances starting together apply each migration once. */
  lockMigrations(trx: Db): Promise<void>;
  /** Stores an event and queues its jobs in one durable transaction (see `ingest` in queries/inbox.ts). */
  ingestEvent: InboxStore['ingestEvent'];
  claimJobs: InboxStore['claimJobs'];
  /** Finishes pending work and releases the database; idempotent. */
  close(): Promise<void>;
}
