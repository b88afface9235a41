import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { CHANNEL, eventBody, subscribeShop } from '../slack/button-kit.js';

let t: TestApp;
afterEach(async () => t.stop());

const REASON = 'Build failed: npm run build exited with code 1';

async function setup() {
  t = await startTestApp({ start: { reasonRetryDelaysMs: [20, 20, 20] } });
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
