import type BetterSqlite3 from 'better-sqlite3';
import { insertEventQuery, upsertJobsQuery } from '../queries/inbox.js';
import type { Db } from '../schema.js';
import type { IngestEvent, IngestResult } from '../types.js';
import { rawStatement } from './raw-statement.js';

const FIELDS = [
  'hookId',
  'projectId',
  'deploymentId',
  'event',
  'occurredAt',
  'receivedAt',
  'payload',
  'disposition',
] as const satisfies ReadonlyArray<keyof IngestEvent>;

/**
 * The ingest of a whole group commit run synchronously on the connection: one transaction, the two
 * statements of `ingest` (queries/inbox.ts) per input, without a query build or an await per
 * statement. Throws, with everything rolled back, when any statement fails.
 */
export function createIngestBatch(raw: BetterSqlite3.Database, db: Db) {
  const insert = rawStatement(raw, FIELDS, (v) => insertEventQuery(db, v as IngestEvent));
  const upsert = rawStatement(raw, FIELDS, (v) => upsertJobsQuery(db, v as IngestEvent));
  const one = (input: IngestEvent): IngestResult => {
    if (insert.all(input).length === 0) return { duplicate: true, enqueued: 0 };
    if (input.disposition !== 'deliver') return { duplicate: false, enqueued: 0 };
    return { duplicate: false, enqueued: upsert.run(input) };
  };
  const batch = raw.transaction((inputs: IngestEvent[]) => inputs.map(one));
  return (inputs: IngestEvent[]): IngestResult[] => batch.immediate(inputs);
}
