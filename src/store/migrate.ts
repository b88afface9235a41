import type { Logger } from '../log/logger.js';
import type { Engine } from './engine.js';
import { sql } from './kysely.js';
import { migrations as defaultMigrations, type Migration, schemaWords } from './migrations.js';
import type { Db } from './schema.js';

/**
 * Applies every migration not yet recorded in `schema_migrations`, in id order, in one transaction
 * that first takes the engine's migration lock. Returns the ids applied now ([] when up to date).
 */
export async function runMigrations(
  engine: Pick<Engine, 'name' | 'db' | 'lockMigrations'>,
  logger?: Logger,
  migrations: readonly Migration[] = defaultMigrations,
): Promise<number[]> {
  const { int, strict } = schemaWords(engine.name);
  const applied = await engine.db.transaction().execute(async (trx) => {
    await engine.lockMigrations(trx);
    const table = sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${sql.raw(int)} NOT NULL)${sql.raw(strict)}`;
    await table.execute(trx);
    const done = await renumberByName(trx, migrations);
    const now: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.name)) continue;
      await migration.up(trx, engine.name);
      await trx
        .insertInto('schema_migrations')
        .values({ id: migration.id, name: migration.name, applied_at: Date.now() })
        .execute();
      now.push(migration.id);
    }
    return now;
  });
  if (applied.length > 0) logger?.info({ migrations: applied }, 'store migrations applied');
  return applied;
}

/**
 * The names of the migrations applied, their records renumbered to this list's ids: the first
 * releases numbered PostgreSQL's list on its own (its `fold_uuid_case` was 2, here it is 3).
 */
async function renumberByName(trx: Db, migrations: readonly Migration[]): Promise<Set<string>> {
  const recorded = await trx.selectFrom('schema_migrations').selectAll().execute();
  const idOf = new Map(migrations.map((m) => [m.name, m.id]));
  const moved = recorded.filter((r) => idOf.has(r.name) && idOf.get(r.name) !== r.id);
  if (moved.length > 0) {
    const ids = moved.map((r) => r.id);
    await trx.deleteFrom('schema_migrations').where('id', 'in', ids).execute();
    const renumbered = moved.map((r) => ({ ...r, id: idOf.get(r.name)! }));
    await trx.insertInto('schema_migrations').values(renumbered).execute();
  }
  return new Set(recorded.map((r) => r.name));
}
