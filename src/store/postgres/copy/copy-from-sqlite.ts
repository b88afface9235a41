import type { SecretBox } from '../../../crypto/secret-box.js';
import type { Logger } from '../../../log/logger.js';
import { runMigrations } from '../../sqlite/migrate.js';
import { openDatabase } from '../../sqlite/open-database.js';
import type { Db } from '../../sqlite/statements.js';
import { runPgMigrations } from '../migrate.js';
import { createPgPool, type PgClient, withTransaction } from '../pool.js';
import { createPostgresStore } from '../postgres-store.js';
import { convertRow, type Reseal, TABLES, type TableCopy } from './copy-tables.js';
import { BATCH_ROWS, insertRows } from './insert-rows.js';

export interface CopyOptions {
  /** The SQLite database file to copy from (the app using it should be stopped). */
  sqlitePath: string;
  /** Opens the source's secrets (its key file and/or ENCRYPTION_KEY). */
  sourceBox: SecretBox;
  /** postgres:// connection string of the target, which must hold no data yet. */
  postgresUrl: string;
  /** Seals the secrets in the target: the ENCRYPTION_KEY every instance will run with. */
  targetBox: SecretBox;
  logger?: Logger;
}

/** Rows copied per table. */
export type CopyReport = Record<string, number>;

export const CopyErrorCode = { targetNotEmpty: 'target_not_empty' } as const;

export class CopyError extends Error {
  constructor(
    readonly code: (typeof CopyErrorCode)[keyof typeof CopyErrorCode],
    message: string,
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

/**
 * Copies everything the SQLite store holds into an empty PostgreSQL database in one transaction
 * (all or nothing), re-sealing every secret with the target key, then opens the result as a
 * store and checks that every secret opens with that key.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const { sourceBox, targetBox } = options;
  const reseal: Reseal = (sealed, context) => targetBox.seal(sourceBox.open(sealed, context), context);
  const db = openDatabase(options.sqlitePath);
  const pool = createPgPool(options.postgresUrl, { max: 1, statementTimeoutMs: 0 }, options.logger);
  try {
    runMigrations(db, options.logger);
    await runPgMigrations(pool, options.logger);
    const report = await withTransaction(pool, async (client) => {
      await ensureEmpty(client);
      return copyAll(db, client, reseal);
    });
    await verifyTarget(options);
    return report;
  } finally {
    db.close();
    await pool.end();
  }
}

async function ensureEmpty(client: PgClient): Promise<void> {
  for (const { table } of TABLES) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
    if ((rowCount ?? 0) === 0) continue;
    throw new CopyError(
      CopyErrorCode.targetNotEmpty,
      'the PostgreSQL database already holds data; copy into an empty one',
    );
  }
}

/** Reads the source in one SQLite read transaction, so the copy is one consistent snapshot. */
async function copyAll(db: Db, client: PgClient, reseal: Reseal): Promise<CopyReport> {
  const report: CopyReport = {};
  db.exec('BEGIN');
  try {
    for (const spec of TABLES) report[spec.table] = await copyTable(db, client, spec, reseal);
  } finally {
    db.exec('COMMIT');
  }
  await client.query(
    `SELECT setval(pg_get_serial_sequence('events', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM events`,
  );
  return report;
}

async function copyTable(db: Db, client: PgClient, spec: TableCopy, reseal: Reseal): Promise<number> {
  const rows = db.prepare(`SELECT * FROM ${spec.table} ORDER BY ${spec.orderBy}`).iterate();
  let batch: unknown[][] = [];
  let count = 0;
  for (const row of rows) {
    batch.push(convertRow(spec, row as Record<string, unknown>, reseal));
    if (batch.length === BATCH_ROWS) {
      await insertRows(client, spec.table, spec.columns, batch);
      count += batch.length;
      batch = [];
    }
  }
  await insertRows(client, spec.table, spec.columns, batch);
  return count + batch.length;
}

async function verifyTarget(options: CopyOptions): Promise<void> {
  const store = createPostgresStore({
    url: options.postgresUrl,
    secretBox: options.targetBox,
    pool: { max: 1 },
  });
  try {
    await store.verifySecrets();
  } finally {
    await store.close();
  }
}
