/**
 * The app killed with SIGKILL while a Slack call hangs, then started again on the same SQLite file:
 * the new process owns the file, frees the lease the dead one left, and delivers at once — long
 * before that lease (ten minutes here) would have run out.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appProcessEnv, sendStarted } from '../helpers/app-process-env.js';
import { startTestApp, type TestApp, waitFor } from '../helpers/test-app.js';
import { type ChildInstance, spawnInstance } from '../scale/child-instance.js';
import { runCommand } from '../slack/slack-test-kit.js';

const TEN_MINUTES = 600_000;

let t: TestApp;
let child: ChildInstance | undefined;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await child?.kill();
  await t.stop();
});

const WORKER = JSON.stringify({ leaseMs: TEN_MINUTES, pollIntervalMs: 50, channelPaceMs: 0 });
const childEnv = (workerId: string) => appProcessEnv(t, { SCALE_WORKER: WORKER, SCALE_WORKER_ID: workerId });

function leasesIn(dbPath: string): Array<{ lease_owner: string }> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT lease_owner FROM jobs WHERE lease_owner IS NOT NULL').all() as never;
  } finally {
    db.close();
  }
}

describe('a SIGKILL and a restart on SQLite', () => {
  it('delivers the job the dead process had leased as soon as the new one runs, posting it once', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web', { channelId: 'C1' });
    const [webhook] = t.fakeSota.webhooks;
    await t.stopApp();

    child = await spawnInstance(childEnv('killed'));
    const endHang = t.fakeSlack.failWhile('chat.postMessage', { hang: true });
    expect(await sendStarted(child.url, webhook!, project.id, randomUUID())).toBe(202);
    await waitFor(() => t.fakeSlack.calls.some((c) => c.result === 'hang'), 45_000);
    await child.kill();
    expect(leasesIn(join(t.dataDir, 'sota-slack.db'))).toEqual([{ lease_owner: 'killed' }]);
    endHang();

    child = await spawnInstance(childEnv('restarted'));
    expect((await fetch(`${child.url}/readyz`)).status).toBe(200);
    await waitFor(() => t.fakeSlack.messagesIn('C1').length === 1, 45_000);
    const answered = t.fakeSlack.callsTo('chat.postMessage').filter((c) => c.result === 'ok');
    expect(answered).toHaveLength(1);
  });
});
