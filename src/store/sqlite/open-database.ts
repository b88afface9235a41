import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** How long a write waits for another connection's lock before failing (SQLITE_BUSY). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating it and its directory when missing) a SQLite file for the store:
 * WAL so readers never block the writer, synchronous=FULL so a committed transaction survives
 * power loss, foreign keys enforced.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
