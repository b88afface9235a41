import { dirname } from 'node:path';
import { fsReason } from './describe-fs-failure.js';
import { errorCode, errorMessage, type StartupStage } from './startup-error.js';

/** One line for a SQLite store that did not open or migrate, naming DATABASE_URL and the file. */
export function describeSqliteFailure(stage: StartupStage, cause: unknown, path: string): string {
  const code = errorCode(cause) ?? '';
  const dir = dirname(path);
  const reason = fsReason(cause);
  if (reason !== undefined || code === 'SQLITE_CANTOPEN') {
    return `DATABASE_URL: cannot open the SQLite database ${path} (${reason ?? errorMessage(cause)}): make sure ${dir} is a directory this user may write to, or point DATABASE_URL at a path that is`;
  }
  if (code === 'SQLITE_NOTADB') {
    return `DATABASE_URL: ${path} is not a SQLite database: point DATABASE_URL at the app's database file, or at a new path to start empty`;
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return `DATABASE_URL: ${path} is read-only for this user: give it (and ${dir}) write permission, or point DATABASE_URL elsewhere`;
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return `DATABASE_URL: ${path} is damaged (${errorMessage(cause)}): restore it from a backup`;
  }
  if (code === 'store_locked') {
    return `DATABASE_URL: ${path} is in use by another sota-slack process: stop it first (one process owns the file), or give this one its own DATABASE_URL`;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `DATABASE_URL: ${path} is locked by another process: stop the other sota-slack using it, or give this one its own file`;
  }
  if (stage === 'migrate') {
    return `DATABASE_URL: the schema of ${path} could not be brought up to date (${errorMessage(cause)}): is it the database of a newer sota-slack? Restore a backup, or point DATABASE_URL at a new file`;
  }
  return `DATABASE_URL: the SQLite database ${path} did not open (${errorMessage(cause)}): check the file and its directory`;
}
