import { rawValue } from './variables.js';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = 'file:./data/sota-slack.db';

/** The store DATABASE_URL selects: `file:`/a plain path → SQLite, `postgres://`/`postgresql://` → PostgreSQL. */
export function parseDatabase(env: NodeJS.ProcessEnv, problems: string[]): DatabaseConfig {
  const value = rawValue(env, 'DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) {
    if (!URL.canParse(value))
      problems.push('DATABASE_URL expects a PostgreSQL URL like postgres://user:password@host:5432/database');
    return { kind: 'postgres', url: value };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'file') {
    problems.push(
      `DATABASE_URL expects file:<path> or a plain path (SQLite), or postgres://… (PostgreSQL); ${scheme}:// is not supported`,
    );
  }
  const path = value.startsWith('file:') ? value.slice('file:'.length) : value;
  if (path === '')
    problems.push('DATABASE_URL expects a file path after file:, e.g. file:./data/sota-slack.db');
  return { kind: 'sqlite', path };
}

/** PostgreSQL is shared by every instance, so the key cannot live in a file beside it. */
export function checkKeyForDatabase(
  env: NodeJS.ProcessEnv,
  database: DatabaseConfig,
  problems: string[],
): void {
  if (database.kind === 'postgres' && rawValue(env, 'ENCRYPTION_KEY') === undefined) {
    problems.push(
      'ENCRYPTION_KEY is required with PostgreSQL (DATABASE_URL is postgres://…): set the same 32-byte key on every instance, e.g. from `openssl rand -base64 32`',
    );
  }
}
