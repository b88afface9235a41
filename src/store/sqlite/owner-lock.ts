import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Another process owns the SQLite file: this one must not use it. */
export class StoreLockedError extends Error {
  readonly code = 'store_locked';
  constructor(readonly path: string) {
    super(`${path} is in use by another sota-slack process; stop it first (one process owns the file)`);
    this.name = 'StoreLockedError';
  }
}

export interface OwnerLock {
  release(): void;
}

/**
 * Takes the exclusive lock that makes this process the only owner of the database file: an
 * exclusive SQLite lock on `<file>.lock`, held until `release()` or the process's end (the kernel
 * drops it when the process dies, even by SIGKILL). Throws StoreLockedError at once when another
 * process holds it. The database file itself stays readable by tools and other connections.
 */
export function takeOwnerLock(path: string): OwnerLock {
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(`${path}.lock`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new StoreLockedError(path);
    throw error;
  }
  return {
    release() {
      if (lock.open) lock.close();
    },
  };
}
