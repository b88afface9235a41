/** Looking for what must never leave the app: secrets in bytes or text, internals in answers. */
import { existsSync, readFileSync } from 'node:fs';

/** What an answer body must not show: stack frames, source paths, error class names. */
const INTERNALS = /\bat \S+ \(|\.[cm]?[jt]s:\d+|node:internal|\b[A-Z][A-Za-z]*Error\b|\bstack\b/;

export function revealsInternals(text: string): boolean {
  return INTERNALS.test(text);
}

/** The needles found in `text` (each reported once). Empty needles are ignored. */
export function secretsIn(text: string, needles: readonly string[]): string[] {
  return [...new Set(needles.filter((n) => n !== '' && text.includes(n)))];
}

export interface ScanHit {
  file: string;
  /** A short, safe label of the secret (its first 6 characters), never the secret itself. */
  secret: string;
}

/**
 * Scans the raw bytes of each file that exists for each secret, as UTF-8 and as UTF-16LE (SQLite's
 * other text encoding). Returns every hit; an empty list means none was found.
 */
export function scanFiles(files: readonly string[], secrets: readonly string[]): ScanHit[] {
  const hits: ScanHit[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      if (secret === '') continue;
      const found =
        bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le'));
      if (found) hits.push({ file, secret: `${secret.slice(0, 6)}…` });
    }
  }
  return hits;
}

/** The SQLite database file and its companions (write-ahead log, shared memory, rollback journal). */
export function sqliteFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`];
}
