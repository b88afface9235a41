import pg from 'pg';
import type { Logger } from '../../log/logger.js';

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
export function createPgPool(url: string, options: PgPoolOptions = {}, logger?: Logger): pg.Pool {
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
