import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_REASON_EVENT } from '../../src/delivery/reason-record.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { CHANNEL, eventBody, subscribeShop } from '../slack/button-kit.js';

let t: TestApp;
let again: TestApp | undefined;
afterEach(async () => {
  await again?.stop();
  again = undefined;
  await t.stop();
});

const REASON = 'Build failed: npm run build exited with code 1';

async function setup(reasonRetryDelaysMs = [20, 20, 20]) {
  t = await startTestApp({ start: { reasonRetryDelaysMs } });
  const shop = await subscribeShop(t);
  const send = (deploymentId: string, event: string, data = {}) =>
    t.sendWebhook(shop.hookId, eventBody(shop.projectId, deploymentId, event, data), shop.secret);
  return { ...shop, send };
}

/** Adds the failed deployment with `newer` deployments after it (the list is newest first). */
function listed(projectId: string, newer: number, reason: string | null = REASON) {
  const failed = t.fakeSota.addDeployment({
    projectId,
    status: 'failed',
    errorMessage: reason,
    errorField: 'error',
  });
  for (let i = 0; i < newer; i++) t.fakeSota.addDeployment({ projectId, status: 'running' });
  return failed.id;
}

const deploymentCalls = () => t.fakeSota.requests.filter((r) => r.path.endsWith('/deployments'));
const shown = () => t.fakeSlack.messagesIn(CHANNEL)[0];

describe("a failure's reason from sota.io", () => {
  it.each([
    ['the first page', 0, 1],
    ['the second page', 25, 2],
  ])('found on %s: posted at once, then the reason added in one update', async (_where, newer, pages) => {
    const { projectId, send } = await setup();
    const id = listed(projectId, newer);
    await send(id, 'deploy.failed');
    await t.waitFor(() => String(shown()?.text).includes(REASON));
    const message = shown()!;
    expect(message.history).toHaveLength(1);
    expect(String(message.history[0]?.text)).toContain('failed to deploy');
    expect(JSON.stringify(message.history[0]?.blocks)).toContain('sota.io gave no reason');
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(1);
    expect(deploymentCalls()).toHaveLength(pages);
    expect(deploymentCalls().map((r) => r.query.limit)).toEqual(Array(pages).fill('20'));
  });

  it('not on the first three pages: the message stays as it is', async () => {
    const { projectId, send } = await setup();
    const id = listed(projectId, 70);
    await send(id, 'deploy.failed');
    await t.waitFor(() => deploymentCalls().length === 3);
    await t.app.worker.drain(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(deploymentCalls()).toHaveLength(3);
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(0);
    expect(JSON.stringify(shown()?.blocks)).toContain('sota.io gave no reason');
  });

  it('rides out a 503 and a 429 with bounded retries', async () => {
    const { projectId, send } = await setup();
    const id = listed(projectId, 0);
    t.fakeSota.failNext('GET /v1/projects/:id/deployments', { kind: 'status', status: 503 });
    t.fakeSota.failNext('GET /v1/projects/:id/deployments', { kind: 'rate-limit', retryAfter: 0 });
    await send(id, 'deploy.failed');
    await t.waitFor(() => String(shown()?.text).includes(REASON));
    expect(deploymentCalls()).toHaveLength(3);
  });

  it('a key that cannot read the project leaves the message as it is and is logged once', async () => {
    const { projectId, send } = await setup();
    t.fakeSota.failAlways('GET /v1/projects/:id/deployments', { kind: 'status', status: 403 });
    await send(listed(projectId, 0), 'deploy.failed');
    await send(listed(projectId, 0), 'deploy.failed');
    await t.waitFor(() => deploymentCalls().length === 2);
    await t.app.worker.drain(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(0);
    expect(t.logs.filter((l) => l.includes('could not look up the reason'))).toHaveLength(1);
  });

  it('a reason in the event itself, or a success, costs no sota.io call', async () => {
    const { send } = await setup();
    const before = t.fakeSota.requests.length;
    await send(randomUUID(), 'deploy.failed', { error_message: 'out of memory' });
    const ok = randomUUID();
    await send(ok, 'deploy.started');
    await send(ok, 'deploy.succeeded', { url: 'shop.sota.io' });
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 2);
    await t.app.worker.drain(5000);
    expect(t.fakeSota.requests.length).toBe(before);
  });
});

describe('a reason lookup cut short by a stop or a crash', () => {
  /** Sends a failure whose lookup meets a 503 and would retry only in a minute: pending when the app stops. */
  async function pendingLookup(projectId: string, send: (id: string, event: string) => Promise<unknown>) {
    const id = listed(projectId, 0);
    t.fakeSota.failNext('GET /v1/projects/:id/deployments', { kind: 'status', status: 503 });
    const calls = deploymentCalls().length;
    await send(id, 'deploy.failed');
    await t.waitFor(() => deploymentCalls().length === calls + 1);
    await t.app.worker.drain(5000);
    return id;
  }

  const restart = async (start: Parameters<typeof startTestApp>[0] = {}) => {
    await t.stopApp();
    again = await startTestApp({
      dataDir: t.dataDir,
      fakeSlack: t.fakeSlack,
      fakeSota: t.fakeSota,
      ...start,
    });
  };

  it('is made again when the app starts, and the reason is added to the same message', async () => {
    const { projectId, send } = await setup([60_000]);
    await pendingLookup(projectId, send);
    expect(JSON.stringify(shown()?.blocks)).toContain('sota.io gave no reason');
    await restart();
    await t.waitFor(() => String(shown()?.text).includes(REASON));
    expect(deploymentCalls()).toHaveLength(2);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(1);
  });

  it('is not made again once sota.io answered (a reason, or none listed)', async () => {
    const { projectId, send, hookId } = await setup([60_000]);
    const none = listed(projectId, 0, null);
    await send(none, 'deploy.failed');
    await t.waitFor(async () =>
      (await t.store.listDeploymentEvents(hookId, none)).some((e) => e.event === NO_REASON_EVENT),
    );
    await send(listed(projectId, 0), 'deploy.failed');
    await t.waitFor(() => t.fakeSlack.callsTo('chat.update').length === 1);
    await pendingLookup(projectId, send);
    await restart();
    // The one cut short is looked up again (it is the newest, so the others would have been asked first).
    await t.waitFor(() => t.fakeSlack.callsTo('chat.update').length === 2);
    await again?.app.worker.drain(5000);
    await new Promise((r) => setTimeout(r, 100));
    const afterRestart = deploymentCalls().slice(3);
    expect(afterRestart).toHaveLength(1);
    expect(String(t.fakeSlack.callsTo('chat.update')[1]?.body.text)).toContain(REASON);
  });

  it('is not made again for a failure older than the last few minutes', async () => {
    const { projectId, send } = await setup([60_000]);
    await pendingLookup(projectId, send);
    await restart({ start: { now: () => Date.now() + 11 * 60_000 } });
    await again?.app.worker.drain(5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(deploymentCalls()).toHaveLength(1);
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(0);
  });
});
