/**
 * What the app loads before its first request, in single-workspace mode on SQLite: only what serves
 * that setup. The PostgreSQL driver, the OAuth installer, Socket Mode (and undici under it), express,
 * OpenTelemetry and the ES module builds of Kysely and zod stay on disk: each costs start time and
 * memory (README, "Performance and reliability").
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** Packages the app needs only for another setup, or never. */
const NOT_LOADED = ['pg', '@slack/oauth', '@slack/socket-mode', 'undici', 'express', '@opentelemetry/api'];
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const RECORDER = fileURLToPath(new URL('./fixtures/record-loaded-modules.mjs', import.meta.url));

/** Starts the app (src/main.ts through tsx), stops it once it listens; the URLs of the modules it loaded. */
async function modulesLoadedBeforeFirstRequest(cwd: string): Promise<string[]> {
  const args = ['--import', import.meta.resolve('tsx'), '--import', RECORDER, MAIN];
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'info',
      PUBLIC_URL: 'https://sota-slack.example.com',
      SLACK_SIGNING_SECRET: 'loaded-modules-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-loaded-modules',
      DATABASE_URL: `file:${join(cwd, 'sota-slack.db')}`,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.includes('"msg":"sota-slack listening"')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  expect(out, err).toContain('sota-slack listening');
  expect(code, err).toBe(0);
  return [...err.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1] as string);
}

function fromPackage(urls: string[], name: string): string[] {
  return urls.filter((url) => url.includes(`/node_modules/${name}/`));
}

let cwd: string | undefined;
afterEach(() => {
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('the modules loaded before the first request (single workspace, SQLite)', () => {
  it('leave out PostgreSQL, OAuth, Socket Mode, express and the ES module builds of Kysely and zod', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'sota-slack-loaded-'));
    const urls = await modulesLoadedBeforeFirstRequest(cwd);

    expect(fromPackage(urls, 'better-sqlite3').length).toBeGreaterThan(0);
    expect(fromPackage(urls, '@slack/bolt').some((url) => url.endsWith('/dist/App.js'))).toBe(true);
    for (const name of NOT_LOADED) {
      expect(fromPackage(urls, name), name).toEqual([]);
    }
    expect(fromPackage(urls, 'kysely').filter((url) => !url.includes('/dist/cjs/'))).toEqual([]);
    expect(fromPackage(urls, 'zod').filter((url) => !url.endsWith('.cjs'))).toEqual([]);
  });
});
