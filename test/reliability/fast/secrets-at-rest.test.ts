/**
 * Secrets at rest and in logs: the SQLite file and its WAL hold no secret or token; a tampered or
 * moved ciphertext and a missing or wrong key stop the app at start with a clear message; key
 * rotation re-encrypts every row so the old key can go.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { rotateKeys } from '../../../src/cli/rotate-keys.js';
import type { Config } from '../../../src/config/load-config.js';
import { keyIdOf } from '../../../src/crypto/secret-box.js';
import { createCapturedLogger } from '../../helpers/capture-logs.js';
import { startTestApp, TEST_SIGNING_SECRET } from '../../helpers/test-app.js';
import { COLUMNS, recordFigures, SECTIONS } from '../support/figures.js';
import { scanFiles, secretsIn, sqliteFiles } from '../support/leak-checks.js';
import {
  keyIdOfSealed,
  readSealedValues,
  SEALED_COLUMNS,
  tamper,
  writeSealedValue,
} from '../support/sealed-rows.js';
import { deployBody } from '../support/subscribed-app.js';
import {
  CLIENT_SECRET,
  STATE_SECRET,
  startTenants,
  type Tenants,
  WORKSPACE_A,
  WORKSPACE_B,
} from '../support/two-workspaces.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

/** Two installed, connected, subscribed workspaces with some delivered events. */
async function populated(env: Record<string, string> = {}): Promise<Tenants> {
  const x = await startTenants({ env });
  cleanups.push(() => x.stop());
  const project = x.t.fakeSota.addProject({ name: 'web' });
  for (const ws of [WORKSPACE_A, WORKSPACE_B]) {
    await x.install(ws);
    await x.connect(ws);
    await x.subscribe(ws, 'web');
    const hook = (await x.t.store.findHook(ws.teamId, project.id))!;
    const res = await x.t.sendWebhook(
      hook.id,
      deployBody(project.id, randomUUID(), 'deploy.started'),
      hook.secret,
    );
    expect(res.status).toBe(202);
  }
  await x.t.app.worker.drain(10_000);
  return x;
}

function everySecret(x: Tenants): string[] {
  const workspaces = [WORKSPACE_A, WORKSPACE_B].flatMap((ws) => [ws.botToken, ws.apiKey]);
  const hooks = x.t.fakeSota.webhooks.map((w) => w.secret);
  return [...workspaces, ...hooks, CLIENT_SECRET, STATE_SECRET, TEST_SIGNING_SECRET];
}

const dbPathOf = (dir: string) => join(dir, 'sota-slack.db');

/** A copy of a stopped app's data directory, removed after the test. */
function copyData(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'sota-reliability-copy-'));
  cpSync(dir, copy, { recursive: true });
  cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
  return copy;
}

async function startOn(config: Config, dir: string, overrides: Partial<Config> = {}) {
  const { logger, lines } = createCapturedLogger();
  const attempt = startApp(
    { ...config, database: { kind: 'sqlite', path: dbPathOf(dir) }, ...overrides },
    { logger, host: '127.0.0.1', port: 0, startWorker: false },
  );
  return { attempt, lines };
}

describe('secrets at rest', () => {
  it('the database file, its WAL and the logs hold no secret or token', async () => {
    const x = await populated();
    const files = sqliteFiles(dbPathOf(x.t.dataDir));
    const secrets = everySecret(x);
    expect(statSync(files[1]!).size).toBeGreaterThan(0);
    expect(scanFiles(files, [WORKSPACE_A.channelId, WORKSPACE_B.teamId]).length).toBeGreaterThan(0);
    const live = scanFiles(files, secrets);
    await x.t.stopApp();
    const stopped = scanFiles(files, secrets);
    const inLogs = secretsIn(x.t.logs.join('\n'), secrets);
    expect([...live, ...stopped]).toEqual([]);
    expect(inLogs).toEqual([]);
    recordFigures(SECTIONS.secrets, 'SQLite file + WAL, running and stopped; captured logs', {
      'secrets looked for': secrets.length,
      'sealed values in the file': readSealedValues(dbPathOf(x.t.dataDir)).length,
      'log lines': x.t.logs.length,
      'found in files': live.length + stopped.length,
      'found in logs': inLogs.length,
      [COLUMNS.secretsFound]: live.length + stopped.length + inLogs.length,
    });
  });

  it('a tampered, moved or malformed ciphertext, a lost key file or another key stops the app at start', async () => {
    const x = await populated();
    await x.t.stopApp();
    const secrets = everySecret(x);
    const values = readSealedValues(dbPathOf(x.t.dataDir));
    const hook = values.find((v) => v.table === 'hooks')!;
    const tokenOf = (teamId: string) =>
      values.find((v) => v.column === 'bot_token_sealed' && v.id === teamId)!;
    const cases: Array<[string, RegExp, (dir: string) => Partial<Config>]> = [
      ['tampered hook secret', /integrity check/, (dir) => writeOver(dir, 0, hook.id, tamper(hook.sealed))],
      [
        "A's token moved into B's row",
        /integrity check/,
        (dir) => writeOver(dir, 2, WORKSPACE_B.teamId, tokenOf(WORKSPACE_A.teamId).sealed),
      ],
      [
        'malformed value',
        /unknown format/,
        (dir) => writeOver(dir, 3, WORKSPACE_A.teamId, 'sota_plaintext_key'),
      ],
      ['key file deleted', /not configured/, (dir) => removeKeyFile(dir)],
      ['another ENCRYPTION_KEY', /not configured/, () => ({ encryptionKey: randomBytes(32) })],
    ];
    const control = await startOn(x.t.config, copyData(x.t.dataDir));
    await (await control.attempt).stop();
    for (const [name, message, breakIt] of cases) {
      const dir = copyData(x.t.dataDir);
      const { attempt, lines } = await startOn(x.t.config, dir, breakIt(dir));
      const error = await attempt.then(
        (app) => app.stop().then(() => new Error(`${name}: the app started`)),
        (err: unknown) => err as Error,
      );
      expect(error.message, name).toMatch(message);
      expect(secretsIn(`${error.message}\n${lines.join('\n')}`, secrets), name).toEqual([]);
    }
    recordFigures(
      SECTIONS.secrets,
      'broken secrets at start (tampered, moved, malformed, key lost, other key)',
      {
        cases: cases.length,
        'refused to start': cases.length,
        [COLUMNS.secretsFound]: 0,
      },
    );
  });

  it('key rotation re-encrypts every row; afterwards the new key alone opens everything', async () => {
    const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const x = await populated({ ENCRYPTION_KEY: oldKey });
    await x.t.stopApp();
    const dbPath = dbPathOf(x.t.dataDir);
    const before = readSealedValues(dbPath);
    const env = {
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      DATABASE_URL: `file:${dbPath}`,
      ENCRYPTION_KEY: newKey,
      ENCRYPTION_KEY_PREVIOUS: oldKey,
    };
    const rotated = await rotateKeys(env);
    const after = readSealedValues(dbPath);
    const newId = keyIdOf(Buffer.from(newKey, 'base64'));
    expect(rotated).toBe(before.length);
    expect(after.filter((v) => keyIdOfSealed(v.sealed) !== newId)).toEqual([]);
    expect(new Set(after.map((v) => v.table))).toEqual(new Set(SEALED_COLUMNS.map((c) => c.table)));

    const oldOnly = await startOn(x.t.config, x.t.dataDir, { encryptionKey: Buffer.from(oldKey, 'base64') });
    await expect(oldOnly.attempt).rejects.toThrow(/not configured/);
    const again = await startTestApp({
      mode: 'multi',
      dataDir: x.t.dataDir,
      fakeSlack: x.fakeSlack,
      fakeSota: x.t.fakeSota,
      env: { ENCRYPTION_KEY: newKey, SOTA_API_TOKEN: '' },
    });
    cleanups.push(() => again.stop());
    const project = x.t.fakeSota.projects[0]!;
    const hook = (await again.store.findHook(WORKSPACE_A.teamId, project.id))!;
    const res = await again.sendWebhook(
      hook.id,
      deployBody(project.id, randomUUID(), 'deploy.started'),
      hook.secret,
    );
    expect(res.status).toBe(202);
    await again.app.worker.drain(10_000);
    const last = x.fakeSlack.callsTo('chat.postMessage').at(-1);
    expect(last?.token).toBe(WORKSPACE_A.botToken);
    recordFigures(SECTIONS.secrets, 'key rotation', {
      'sealed values': before.length,
      're-encrypted': rotated,
      'left on the old key': 0,
      'old key alone starts the app': 'no',
    });
  });
});

/** Overwrites one sealed value in the copy; returns no config change. */
function writeOver(dir: string, column: number, id: string, sealed: string): Partial<Config> {
  writeSealedValue(dbPathOf(dir), SEALED_COLUMNS[column]!, id, sealed);
  return {};
}

function removeKeyFile(dir: string): Partial<Config> {
  rmSync(join(dir, 'sota-slack.key'));
  return {};
}
