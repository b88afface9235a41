/**
 * A new user's first starts, as they meet them: the app built as `npm run build` builds it and started
 * with `node dist/main.js` (what `npm start` runs) in a directory of its own. Every failed start exits
 * with code 1 and ends in one line naming the setting or the path to fix, without a stack trace unless
 * LOG_LEVEL=debug.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, type RunResult, runBuiltApp, tempDir } from '../helpers/built-app.js';
import { closedPort } from '../helpers/closed-port.js';
import { needsPostgres, TEST_DATABASE_URL } from '../scale/pg-schema.js';

/** Valid Slack settings, and an ephemeral port should a start get as far as listening. */
const SLACK = { SLACK_SIGNING_SECRET: 'sig', SLACK_BOT_TOKEN: 'xoxb-1-2-3', PORT: '0' };
const KEY = Buffer.alloc(32, 9).toString('base64');
const STACK_LINE = /^\s+at /m;

let app: BuiltApp;

beforeAll(async () => {
  app = await buildApp();
}, 180_000);

afterAll(() => app?.remove());

function lastLine(result: RunResult): string {
  return result.stderr.trimEnd().split('\n').at(-1) ?? '';
}

async function start(env: Record<string, string>, cwd = tempDir()): Promise<RunResult> {
  return runBuiltApp(app, env, cwd);
}

describe('npm start: configuration mistakes', () => {
  it('PORT=abc DATABASE_URL=mysql://x names every problem in one start, and exits 1', async () => {
    const result = await start({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  PORT expects a whole number from 0 to 65535 (the HTTP port), e.g. 3000',
      "  SLACK_SIGNING_SECRET is required: the Signing Secret from the Slack app's Basic Information page",
      '  SLACK_BOT_TOKEN is required (the xoxb- bot token for one workspace), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"',
      '  DATABASE_URL expects file:<path> or a plain path (SQLite), or postgres://… (PostgreSQL); mysql:// is not supported',
    ]);
    expect(result.stdout).toBe('');
  });

  it('PostgreSQL without ENCRYPTION_KEY, half of "Add to Slack" and a bad LOG_LEVEL: one line each', async () => {
    const result = await start({
      SLACK_SIGNING_SECRET: 'sig',
      SLACK_CLIENT_ID: 'id',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(lines.map((l) => l.trim().split(' ')[0])).toEqual([
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'ENCRYPTION_KEY',
      'LOG_LEVEL',
    ]);
    expect(lines.at(-1)).toBe('  LOG_LEVEL expects one of debug, info, warn, error');
  });
});

describe('npm start: failures after the configuration is read', () => {
  it('a SQLite path whose directory is a file names DATABASE_URL and the directory', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'data'), 'not a directory');
    const result = await start({ ...SLACK, ENCRYPTION_KEY: KEY, DATABASE_URL: 'file:data/app.db' }, cwd);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      'sota-slack cannot start: DATABASE_URL: cannot open the SQLite database data/app.db (a file stands where a directory is needed): make sure data is a directory this user may write to, or point DATABASE_URL at a path that is',
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a file that is not a SQLite database names DATABASE_URL; LOG_LEVEL=debug adds the stack', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'sota-slack.db'), 'x'.repeat(4096));
    const env = { ...SLACK, ENCRYPTION_KEY: KEY };
    const plain = await start(env, cwd);
    expect(plain.code).toBe(1);
    expect(lastLine(plain)).toBe(
      "sota-slack cannot start: DATABASE_URL: ./data/sota-slack.db is not a SQLite database: point DATABASE_URL at the app's database file, or at a new path to start empty",
    );
    expect(plain.stderr).not.toMatch(STACK_LINE);
    const debug = await start({ ...env, LOG_LEVEL: 'debug' }, cwd);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
    expect(lastLine(debug)).toBe(lastLine(plain));
  });

  it('a migration that fails names DATABASE_URL and the file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    const db = new Database(join(cwd, 'data', 'app.db'));
    db.exec('CREATE TABLE hooks (something_else TEXT)');
    db.close();
    const result = await start({ ...SLACK, ENCRYPTION_KEY: KEY, DATABASE_URL: 'data/app.db' }, cwd);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toMatch(
      /^sota-slack cannot start: DATABASE_URL: the schema of data\/app\.db could not be brought up to date \(.*hooks.*\): is it the database of a newer sota-slack\? Restore a backup, or point DATABASE_URL at a new file$/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a data directory the app may not write to names the SQLite file and DATABASE_URL', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'), { mode: 0o555 });
    const result = await runBuiltApp(app, { ...SLACK, ENCRYPTION_KEY: KEY }, cwd, { unprivileged: true });
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      'sota-slack cannot start: DATABASE_URL: cannot open the SQLite database ./data/sota-slack.db (unable to open database file): make sure ./data is a directory this user may write to, or point DATABASE_URL at a path that is',
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a key file the app may not create names the file and ENCRYPTION_KEY', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'), { mode: 0o555 });
    const result = await runBuiltApp(app, SLACK, cwd, { unprivileged: true });
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      'sota-slack cannot start: the key file data/sota-slack.key cannot be read or created (permission denied): make data writable by this user, or set ENCRYPTION_KEY (a 32-byte key, e.g. from `openssl rand -base64 32`)',
    );
  });

  it('a key file that cannot be read names the file and ENCRYPTION_KEY', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data', 'sota-slack.key'), { recursive: true });
    const result = await start(SLACK, cwd);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      'sota-slack cannot start: the key file data/sota-slack.key cannot be read or created (it is a directory): make data writable by this user, or set ENCRYPTION_KEY (a 32-byte key, e.g. from `openssl rand -base64 32`)',
    );
  });

  it('a key file that holds no key names the file and what to restore', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'sota-slack.key'), 'not a key\n');
    const result = await start(SLACK, cwd);
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      'sota-slack cannot start: the key file data/sota-slack.key does not hold a 32-byte key: restore it from your backup, or set ENCRYPTION_KEY to the key the data was written with',
    );
  });

  it('a port in use names PORT', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const { port } = busy.address() as { port: number };
    try {
      const result = await start({ ...SLACK, ENCRYPTION_KEY: KEY, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(lastLine(result)).toBe(
        `sota-slack cannot start: PORT ${port} is already in use by another process: stop that process, or set PORT to a free port`,
      );
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      busy.close();
    }
  });

  it('PostgreSQL that refuses the connection names DATABASE_URL, host and port, never the password', async () => {
    const port = await closedPort();
    const url = `postgres://app:hunter2secret@127.0.0.1:${port}/sota`;
    const result = await start({ ...SLACK, ENCRYPTION_KEY: KEY, DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      `sota-slack cannot start: DATABASE_URL: PostgreSQL at 127.0.0.1:${port} refused the connection: start PostgreSQL there, or fix the host and port in DATABASE_URL`,
    );
    expect(result.stderr + result.stdout).not.toContain('hunter2secret');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('npm start: PostgreSQL without the database', needsPostgres, () => {
  it('a database that does not exist names DATABASE_URL and how to create it', async () => {
    const url = new URL(TEST_DATABASE_URL ?? 'postgres://localhost/test');
    url.pathname = '/sota_slack_missing_db';
    const result = await start({ ...SLACK, ENCRYPTION_KEY: KEY, DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(lastLine(result)).toBe(
      `sota-slack cannot start: DATABASE_URL: PostgreSQL at ${url.hostname}:${url.port || '5432'} has no database "sota_slack_missing_db": create it (createdb sota_slack_missing_db) or fix the database name in DATABASE_URL`,
    );
  });
});
