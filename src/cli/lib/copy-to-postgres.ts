import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../log/logger.js';
import { sql } from '../../store/kysely.js';
import { runMigrations } from '../../store/migrate.js';
import { createPostgresStore, openPostgresEngine } from '../../store/postgres/postgres-store.js';
import { SEALED_COLUMNS } from '../../store/queries/secrets.js';
import type { Db, TableName } from '../../store/schema.js';
import { openSqliteEngine } from '../../store/sqlite/sqlite-store.js';

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

/** Parents before children (foreign keys), each in an order that gives ids and parents first. */
const TABLES: ReadonlyArray<[TableName, string]> = [
  ['hooks', 'created_at, id'],
  ['subscriptions', 'team_id, channel_id, project_id'],
  ['events', 'id'],
  ['jobs', 'team_id, channel_id, deployment_id'],
  ['messages', 'team_id, channel_id, deployment_id'],
  ['workspace_holds', 'team_id'],
  ['installations', 'team_id'],
  ['api_keys', 'team_id'],
  ['oauth_states', 'state'],
  ['action_access', 'team_id'],
  ['action_presses', 'team_id, channel_id, message_ts, action'],
  ['action_log', 'id'],
  ['channel_mentions', 'team_id, channel_id, project_id'],
  ['mutes', 'team_id, channel_id, target'],
  ['digests', 'team_id, channel_id'],
  ['notices', 'key'],
  ['hook_name_checks', 'hook_id'],
];

/** Rows per INSERT statement (far below PostgreSQL's 65535 bind parameters). */
const BATCH_ROWS = 500;

type Row = Record<string, unknown>;
type Reseal = (sealed: string, context: string) => string;

/**
 * Copies everything the SQLite store holds into an empty PostgreSQL database in one transaction
 * (all or nothing), re-sealing every secret with the target key, then opens the result as a
 * store and checks that every secret opens with that key. Both have the same schema.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const { sourceBox, targetBox, logger } = options;
  const reseal: Reseal = (sealed, context) => targetBox.seal(sourceBox.open(sealed, context), context);
  const source = openSqliteEngine({ path: options.sqlitePath });
  const target = openPostgresEngine({
    url: options.postgresUrl,
    pool: { max: 1, statementTimeoutMs: 0 },
    logger,
  });
  try {
    await runMigrations(source, logger);
    await runMigrations(target, logger);
    // One read transaction on the source: the copy is one consistent snapshot.
    const report = await source.db.transaction().execute((from) =>
      target.db.transaction().execute(async (to) => {
        await ensureEmpty(to);
        const counts: CopyReport = {};
        for (const [table, orderBy] of TABLES)
          counts[table] = await copyTable(from, to, table, orderBy, reseal);
        await sql`SELECT setval(pg_get_serial_sequence('events', 'id'), COALESCE(MAX(id), 0) + 1, false)
          FROM events`.execute(to);
        await sql`SELECT setval(pg_get_serial_sequence('action_log', 'id'), COALESCE(MAX(id), 0) + 1, false)
          FROM action_log`.execute(to);
        return counts;
      }),
    );
    await verifyTarget(options);
    return report;
  } finally {
    await source.close();
    await target.close();
  }
}

async function ensureEmpty(db: Db): Promise<void> {
  for (const [table] of TABLES) {
    if (!(await db.selectFrom(table).select(sql`1`.as('one')).limit(1).executeTakeFirst())) continue;
    throw new CopyError(
      CopyErrorCode.targetNotEmpty,
      'the PostgreSQL database already holds data; copy into an empty one',
    );
  }
}

async function copyTable(from: Db, to: Db, table: TableName, orderBy: string, reseal: Reseal) {
  const rows = (await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(orderBy)}`.execute(from))
    .rows;
  const sealed = SEALED_COLUMNS.filter((col) => col.table === table);
  for (const row of rows) {
    for (const col of sealed)
      row[col.column] = reseal(String(row[col.column]), col.context(String(row[col.key])));
    // Jobs and notices arrive without leases: no instance holds one yet.
    if (table === 'jobs' || table === 'notices') Object.assign(row, { lease_owner: null, lease_until: null });
  }
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await to
      .insertInto(table)
      .values(rows.slice(i, i + BATCH_ROWS) as never)
      .execute();
  }
  return rows.length;
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
