import pg from 'pg';
import type { Logger } from '../../log/logger.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;
/** Anything that runs a query: the pool (autocommit) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

export interface PgPoolOptions {
  max?: number;
  idleTimeoutMs?: number;
  connectionTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/** Integer columns: BIGINT epoch milliseconds and counts fit a JS number (< 2^53). */
function createTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  return types;
}

/**
 * A connection pool with bounded size and timeouts, so a stuck database surfaces as an error
 * within seconds instead of piling up requests. Commits keep the server's durable default
 * (synchronous_commit on). The connection string may carry `options=-c search_path=…`.
 */
export function createPgPool(url: string, options: PgPoolOptions = {}, logger?: Logger): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'sota-slack',
    types: createTypes(),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) =>
    logger?.warn({ code: (err as { code?: string }).code }, 'idle database connection lost'),
  );
  return pool;
}

/** Runs `work` in one transaction on one client: COMMIT on success, ROLLBACK and rethrow on error. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    // A client whose rollback failed is in an unknown state: destroy it instead of pooling it.
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}
