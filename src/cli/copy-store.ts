import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseKey } from '../config/load-config.js';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';
import { createSecretBox, type SecretBox } from '../crypto/secret-box.js';
import { keyFilePath } from '../store/open-store.js';
import { copySqliteToPostgres } from '../store/postgres/copy/copy-from-sqlite.js';

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

function plan(argv: string[], env: NodeJS.ProcessEnv): Plan | string {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } } });
  const from = values.from ?? 'file:./data/sota-slack.db';
  const sqlitePath = from.startsWith('file:') ? from.slice('file:'.length) : from;
  const postgresUrl = values.to ?? env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//i.test(postgresUrl)) return '--to expects a postgres:// or postgresql:// URL';
  if (!existsSync(sqlitePath)) return `--from: no SQLite database at ${sqlitePath}`;
  const target = env.ENCRYPTION_KEY ? parseKey(env.ENCRYPTION_KEY) : undefined;
  if (!target) return 'ENCRYPTION_KEY is required: 32 bytes as base64 (44 characters) or hex (64 characters)';
  const previous = env.ENCRYPTION_KEY_PREVIOUS ? parseKey(env.ENCRYPTION_KEY_PREVIOUS) : undefined;
  const keyFile = keyFilePath(sqlitePath);
  const fileKey = existsSync(keyFile) ? loadOrCreateKeyFile(keyFile).key : undefined;
  const sourceKeys = [fileKey, target, previous].filter((k): k is Buffer => k !== undefined);
  return {
    sqlitePath,
    postgresUrl,
    sourceBox: createSecretBox(sourceKeys[0]!, sourceKeys.slice(1)),
    targetBox: createSecretBox(target),
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
    if (typeof planned === 'string') {
      io.err(`store:copy: ${planned}\n\n${COPY_STORE_USAGE}`);
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
