import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDatabase } from '../config/database.js';
import { ConfigError, loadStoreConfig, type StoreConfig } from '../config/load-config.js';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';
import { createSecretBox, type SecretBox } from '../crypto/secret-box.js';
import { keyFilePath } from '../store/open-store.js';
import { copySqliteToPostgres } from './lib/copy-to-postgres.js';

export const COPY_STORE_USAGE = `Copies the embedded SQLite store into an empty PostgreSQL database.

Usage: npm run store:copy -- --from file:./data/sota-slack.db --to postgres://user@host:5432/db

  --from   the SQLite database (file:<path> or a path; default file:./data/sota-slack.db)
  --to     the PostgreSQL database (default: DATABASE_URL when it is postgres://…)

Environment:
  ENCRYPTION_KEY           required: the key every PostgreSQL instance will run with; secrets are
                           re-encrypted with it
  ENCRYPTION_KEY_PREVIOUS  optional: another key the SQLite secrets may be encrypted with
The SQLite secrets open with the key file beside the database (sota-slack.key) or these keys.
Stop the app before copying.`;

export interface CopyStoreIo {
  out(line: string): void;
  err(line: string): void;
}

interface Plan {
  sqlitePath: string;
  postgresUrl: string;
  sourceBox: SecretBox;
  targetBox: SecretBox;
}

/** The SQLite file --from names (default: the embedded store), read like DATABASE_URL. */
function sourceOf(from: string | undefined, problems: string[]): string {
  const database = parseDatabase({ DATABASE_URL: from }, problems);
  if (database.kind === 'sqlite') return database.path;
  problems.push('--from expects the SQLite database: file:<path> or a path');
  return '';
}

/** The target store and keys, read through the config module with --to standing in for DATABASE_URL. */
function targetOf(
  to: string | undefined,
  env: NodeJS.ProcessEnv,
  problems: string[],
): StoreConfig | undefined {
  const targetEnv = to === undefined ? env : { ...env, DATABASE_URL: to };
  if (parseDatabase(targetEnv, []).kind !== 'postgres') {
    problems.push('--to expects a postgres:// or postgresql:// URL (default: DATABASE_URL when it is one)');
  }
  try {
    return loadStoreConfig(targetEnv);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems.filter((p) => !p.startsWith('DATABASE_URL ')));
    return undefined;
  }
}

function plan(argv: string[], env: NodeJS.ProcessEnv): Plan | string[] {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } } });
  const problems: string[] = [];
  const sqlitePath = sourceOf(values.from, problems);
  const target = targetOf(values.to, env, problems);
  if (sqlitePath && !existsSync(sqlitePath)) problems.push(`--from: no SQLite database at ${sqlitePath}`);
  if (problems.length > 0 || !target?.encryptionKey || target.database.kind !== 'postgres') return problems;
  const keyFile = keyFilePath(sqlitePath);
  const fileKey = existsSync(keyFile) ? loadOrCreateKeyFile(keyFile).key : undefined;
  const sourceKeys = [fileKey, target.encryptionKey, target.previousEncryptionKey];
  const keys = sourceKeys.filter((k): k is Buffer => k !== undefined);
  return {
    sqlitePath,
    postgresUrl: target.database.url,
    sourceBox: createSecretBox(keys[0]!, keys.slice(1)),
    targetBox: createSecretBox(target.encryptionKey),
  };
}

/** Runs the copy command; returns the process exit code. Never prints a secret or the target URL. */
export async function runCopyStore(argv: string[], env: NodeJS.ProcessEnv, io: CopyStoreIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(COPY_STORE_USAGE);
    return 0;
  }
  try {
    const planned = plan(argv, env);
    if (Array.isArray(planned)) {
      io.err(`store:copy: ${planned.join('\nstore:copy: ')}\n\n${COPY_STORE_USAGE}`);
      return 2;
    }
    const report = await copySqliteToPostgres(planned);
    const summary = Object.entries(report).map(([table, n]) => `${table} ${n}`);
    io.out(`Copied ${summary.join(', ')}.`);
    io.out(`Secrets re-encrypted with key ${planned.targetBox.keyId} and verified.`);
    return 0;
  } catch (error) {
    io.err(`store:copy failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  await import('dotenv/config');
  const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) };
  runCopyStore(process.argv.slice(2), process.env, io).then((code) => {
    process.exitCode = code;
  });
}
