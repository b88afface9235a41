import type { Logger } from '../../log/logger.js';
import { migrations as defaultMigrations, type Migration } from './migrations.js';
import type { Db } from './statements.js';

/**
 * Applies every migration not yet recorded in `schema_migrations`, in id order, inside one
 * IMMEDIATE transaction (so two processes starting together cannot both apply one).
 * Returns the ids applied now; an up-to-date database returns [].
 */
export function runMigrations(db: Db, logger?: Logger, migrations: readonly Migration[] = defaultMigrations) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const ordered = [...migrations].sort((a, b) => a.id - b.id);
  const apply = db.transaction(() => {
    const rows = db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>;
    const done = new Set(rows.map((row) => row.id));
    const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.id)) continue;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, Date.now());
      applied.push(migration.id);
    }
    return applied;
  });
  const applied = apply.immediate();
  if (applied.length > 0) logger?.info({ migrations: applied }, 'store migrations applied');
  return applied;
}
