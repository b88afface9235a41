import type { Logger } from '../../log/logger.js';
import { type PgMigration, pgMigrations } from './migrations.js';
import type { PgClient, PgPool } from './pool.js';

/**
 * One lock per schema: instances starting together wait for each other instead of racing,
 * and tests in separate schemas of one database do not serialise on each other.
 */
const LOCK_KEY_SQL = `hashtextextended('sota-slack.migrate.' || current_schema(), 0)`;

/**
 * Applies every migration not yet recorded in `schema_migrations`, in id order, each in its own
 * transaction, while holding a session advisory lock. Returns the ids applied now.
 */
export async function runPgMigrations(
  pool: PgPool,
  logger?: Logger,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  let healthy = false;
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY_SQL})`);
    try {
      const applied = await applyPending(client, migrations);
      if (applied.length > 0) logger?.info({ migrations: applied }, 'store migrations applied');
      healthy = true;
      return applied;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY_SQL})`);
    }
  } finally {
    client.release(healthy ? undefined : true);
  }
}

async function applyPending(client: PgClient, migrations: readonly PgMigration[]): Promise<number[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
  const { rows } = await client.query<{ id: number }>('SELECT id FROM schema_migrations');
  const done = new Set(rows.map((row) => row.id));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(migration.id)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
        migration.id,
        migration.name,
        Date.now(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    applied.push(migration.id);
  }
  return applied;
}
