/**
 * The real entry point (src/main.ts) as its own process: SIGTERM while deliveries are under way lets
 * them finish, closes the store and exits 0; nothing accepted is lost or posted twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appProcessEnv, sendStarted } from './helpers/app-process-env.js';
import { startTestApp, type TestApp, waitFor } from './helpers/test-app.js';
import { runCommand } from './slack/slack-test-kit.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const CHANNELS = ['C1', 'C2', 'C3'];
const DEPLOYMENTS = 6;

interface MainProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/** Starts `node src/main.ts` (through tsx) in an empty directory and resolves once it listens. */
function startMain(env: Record<string, string>, cwd: string): Promise<MainProcess> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), MAIN], {
    cwd,
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /"port":(\d+)[^\n]*"msg":"sota-slack listening"/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}`, exited });
    });
    exited.then(({ code }) => reject(new Error(`main exited (${code}) before it listened:\n${out}`)));
  });
}

let t: TestApp;
let cwd: string;
let main: MainProcess | undefined;
beforeEach(async () => {
  t = await startTestApp();
  cwd = mkdtempSync(join(tmpdir(), 'sota-slack-main-'));
});
afterEach(async () => {
  if (main && main.child.exitCode === null && main.child.signalCode === null) main.child.kill('SIGKILL');
  await t.stop();
  rmSync(cwd, { recursive: true, force: true });
});

describe('main: SIGTERM during deliveries', () => {
  it('lets the deliveries under way finish, closes the store, exits 0, and loses nothing', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    for (const channelId of CHANNELS) await runCommand(t, 'subscribe web', { channelId });
    const [webhook] = t.fakeSota.webhooks;
    await t.stopApp();

    main = await startMain(appProcessEnv(t), cwd);
    t.fakeSlack.failWhile('chat.postMessage', { delayMs: 300 });
    const deployments = Array.from({ length: DEPLOYMENTS }, () => randomUUID());
    for (const deploymentId of deployments) {
      expect(await sendStarted(main.url, webhook!, project.id, deploymentId)).toBe(202);
    }
    await waitFor(() => t.fakeSlack.callsTo('chat.postMessage').length > 0, 45_000);
    main.child.kill('SIGTERM');

    expect(await main.exited).toEqual({ code: 0, signal: null });
    const calls = t.fakeSlack.callsTo('chat.postMessage');
    expect(calls.every((c) => c.result === 'ok')).toBe(true);
    expect(calls.length).toBeLessThan(CHANNELS.length * DEPLOYMENTS);
    expect(existsSync(join(t.dataDir, 'sota-slack.db-wal'))).toBe(false);

    const again = await startTestApp({ dataDir: t.dataDir, fakeSlack: t.fakeSlack, fakeSota: t.fakeSota });
    try {
      await waitFor(async () => (await again.store.queueStats(Date.now())).depth === 0, 30_000);
      for (const channelId of CHANNELS) {
        const posted = t.fakeSlack.messagesIn(channelId).map((m) => m.metadata);
        expect(posted).toHaveLength(DEPLOYMENTS);
        const ids = posted.map(
          (m) => (m as { event_payload: { deployment_id: string } }).event_payload.deployment_id,
        );
        expect(new Set(ids)).toEqual(new Set(deployments));
      }
    } finally {
      await again.stop();
    }
  });
});
