/**
 * The core path through the whole running app: `/sota subscribe` in Slack, signed sota.io webhooks in,
 * one live Block Kit message per deployment out — across Slack failures and a restart.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { runCommand } from '../slack/slack-test-kit.js';

const CHANNEL = 'C0DEPLOYS';
let apps: TestApp[] = [];

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

async function subscribedApp(
  events = '',
): Promise<{ t: TestApp; hookId: string; secret: string; projectId: string }> {
  const t = await startTestApp();
  apps.push(t);
  const project = t.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' });
  const answer = await runCommand(t, `subscribe shop ${events}`.trim(), { channelId: CHANNEL });
  expect(answer.response_type).toBe('ephemeral');
  const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id);
  if (!webhook) throw new Error('no webhook registered');
  return { t, hookId: webhook.url.split('/').pop()!, secret: webhook.secret, projectId: project.id };
}

function event(
  projectId: string,
  deploymentId: string,
  name: string,
  at: Date,
  data: Record<string, unknown> = {},
) {
  return JSON.stringify({
    event: name,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: at.toISOString(),
    data,
  });
}

describe('core path: webhook in, one live message out', () => {
  it('posts on started, updates in place and replies in the thread when live', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const deploymentId = randomUUID();
    const started = new Date(Date.now() - 100_000);
    const res = await t.sendWebhook(
      hookId,
      event(projectId, deploymentId, 'deploy.started', started),
      secret,
    );
    expect(res.status).toBe(202);
    const [posted] = await t.waitFor(() =>
      t.fakeSlack.messagesIn(CHANNEL).length === 1 ? t.fakeSlack.messagesIn(CHANNEL) : undefined,
    );
    expect(posted?.text).toContain('Shop Frontend');

    const live = event(projectId, deploymentId, 'deploy.succeeded', new Date(), {
      url: 'https://shop.sota.io',
      status: 'running',
    });
    expect((await t.sendWebhook(hookId, live, secret)).status).toBe(202);
    await t.waitFor(() => t.fakeSlack.threadReplies(CHANNEL, posted!.ts).length === 1);
    const messages = t.fakeSlack.messagesIn(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]?.blocks)).toContain('https://shop.sota.io');
    expect(t.fakeSlack.callsTo('chat.update')).toHaveLength(1);
    expect(t.fakeSlack.threadReplies(CHANNEL, posted!.ts)[0]?.text).toContain('https://shop.sota.io');
  });

  it('shows a failure with its reason, and a late started never moves it back', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const deploymentId = randomUUID();
    const failed = event(projectId, deploymentId, 'deploy.failed', new Date(), {
      error_message: 'npm run build exited 1',
    });
    expect((await t.sendWebhook(hookId, failed, secret)).status).toBe(202);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
    const late = event(projectId, deploymentId, 'deploy.started', new Date(Date.now() - 60_000));
    expect((await t.sendWebhook(hookId, late, secret)).status).toBe(202);
    await t.app.worker.drain(5000);
    const [message] = t.fakeSlack.messagesIn(CHANNEL);
    expect(t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(1);
    expect(message?.text).toMatch(/fail/i);
    expect(JSON.stringify(message?.blocks)).toContain('npm run build exited 1');
  });

  it('answers a repeated delivery 2xx without a second message (sequential and 20 at once)', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const body = event(projectId, randomUUID(), 'deploy.started', new Date());
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.sendWebhook(hookId, body, secret)));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    expect((await t.sendWebhook(hookId, body, secret)).status).toBe(202);
    await t.app.worker.drain(5000);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await t.store.countEvents()).toBe(1);
  });

  it('one deployment whatever the letter case of its ids: started in lower case, failed in upper case', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const deploymentId = randomUUID();
    const started = event(projectId, deploymentId, 'deploy.started', new Date(Date.now() - 60_000));
    expect((await t.sendWebhook(hookId, started, secret)).status).toBe(202);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
    const upper = event(projectId.toUpperCase(), deploymentId.toUpperCase(), 'deploy.failed', new Date(), {
      error_message: 'out of memory',
    });
    expect((await t.sendWebhook(hookId, upper, secret)).status).toBe(202);
    const lowerAgain = event(projectId, deploymentId, 'deploy.failed', new Date());
    expect((await t.sendWebhook(hookId, lowerAgain, secret)).json()).toMatchObject({ duplicate: true });
    await t.app.worker.drain(5000);
    const messages = t.fakeSlack.messagesIn(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(/fail/i);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(2); // the message and its thread reply
    expect(t.fakeSlack.threadReplies(CHANNEL, messages[0]!.ts)).toHaveLength(1);
  });

  it('keeps the channel filter: a channel that only wants failures hears nothing of a success', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp('failed');
    const deploymentId = randomUUID();
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.started', new Date()), secret);
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.succeeded', new Date()), secret);
    await t.app.worker.drain(5000);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(0);
    await t.sendWebhook(hookId, event(projectId, randomUUID(), 'deploy.failed', new Date()), secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
  });

  it('a message follows its deployment to the end: `started failed` ending in success shows "deployed", no reply', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp('started failed');
    const deploymentId = randomUUID();
    const startedAt = new Date(Date.now() - 90_000);
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.started', startedAt), secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
    const done = event(projectId, deploymentId, 'deploy.succeeded', new Date(), { url: 'shop.sota.io' });
    await t.sendWebhook(hookId, done, secret);
    const [message] = await t.waitFor(() => {
      const shown = t.fakeSlack.messagesIn(CHANNEL);
      return String(shown[0]?.text).includes('deployed') ? shown : undefined;
    });
    await t.app.worker.drain(5000);
    expect(message?.text).toBe('✅ Shop Frontend deployed — live at https://shop.sota.io');
    expect(t.fakeSlack.threadReplies(CHANNEL, message!.ts)).toEqual([]);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a `failed` channel shows when the failed deployment started and how long it took', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp('failed');
    const deploymentId = randomUUID();
    const startedAt = new Date(Date.now() - 100_000);
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.started', startedAt), secret);
    await t.app.worker.drain(5000);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(0);
    const failedAt = new Date(startedAt.getTime() + 102_000);
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.failed', failedAt), secret);
    const [message] = await t.waitFor(() => {
      const shown = t.fakeSlack.messagesIn(CHANNEL);
      return shown.length === 1 ? shown : undefined;
    });
    const blocks = JSON.stringify(message?.blocks);
    expect(blocks).toContain('*Started*');
    expect(blocks).toContain('*Duration*\\n1 m 42 s');
  });

  it('rejects a forged request without storing anything or calling Slack', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const body = event(projectId, randomUUID(), 'deploy.started', new Date());
    const forged = await t.sendWebhook(hookId, body, `${secret}x`);
    expect(forged.status).toBe(401);
    const otherProject = event(randomUUID(), randomUUID(), 'deploy.started', new Date());
    expect((await t.sendWebhook(hookId, otherProject, secret)).status).toBe(400);
    expect((await t.sendWebhook('no-such-hook', body, secret)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.store.countEvents()).toBe(0);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rides out a Slack 5xx outage and a 429, then delivers once', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    t.fakeSlack.failNext('chat.postMessage', { status: 503 }, 2);
    const first = event(projectId, randomUUID(), 'deploy.started', new Date());
    expect((await t.sendWebhook(hookId, first, secret)).status).toBe(202);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1, 15_000);
    t.fakeSlack.failNext('chat.postMessage', { rateLimit: 1 });
    const second = event(projectId, randomUUID(), 'deploy.started', new Date());
    expect((await t.sendWebhook(hookId, second, secret)).status).toBe(202);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 2, 15_000);
    expect(t.fakeSlack.earlyCalls).toHaveLength(0);
  });

  it('pauses the subscription on a permanent Slack error and says so in /sota list', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    t.fakeSlack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await t.sendWebhook(hookId, event(projectId, randomUUID(), 'deploy.started', new Date()), secret);
    await t.waitFor(
      async () => (await t.store.getSubscription('T0TEST', CHANNEL, projectId))?.state === 'paused',
    );
    const sub = await t.store.getSubscription('T0TEST', CHANNEL, projectId);
    expect(sub?.pausedReason).toBe('not_in_channel');
    await t.sendWebhook(hookId, event(projectId, randomUUID(), 'deploy.started', new Date()), secret);
    await t.app.worker.drain(5000);
    const toChannel = t.fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(toChannel).toHaveLength(1);
    const list = await runCommand(t, 'list', { channelId: CHANNEL });
    expect(JSON.stringify(list)).toMatch(/paused/i);
    await runCommand(t, 'subscribe shop', { channelId: CHANNEL });
    expect((await t.store.getSubscription('T0TEST', CHANNEL, projectId))?.state).toBe('active');
  });

  it('delivers work left pending by a stopped instance exactly once after a restart', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const release = t.fakeSlack.failWhile('chat.postMessage', { status: 503 });
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      expect(
        (await t.sendWebhook(hookId, event(projectId, id, 'deploy.started', new Date()), secret)).status,
      ).toBe(202);
    }
    await t.stopApp();
    release();
    const again = await startTestApp({ dataDir: t.dataDir, fakeSlack: t.fakeSlack, fakeSota: t.fakeSota });
    apps.push(again);
    await again.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 3, 15_000);
    await again.app.worker.drain(5000);
    expect(t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(3);
  });
});

describe('core path: a message deleted in Slack', () => {
  it('posts a fresh message when the one to update is gone', async () => {
    const { t, hookId, secret, projectId } = await subscribedApp();
    const deploymentId = randomUUID();
    await t.sendWebhook(hookId, event(projectId, deploymentId, 'deploy.started', new Date()), secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
    t.fakeSlack.failNext('chat.update', { error: 'message_not_found' });
    const done = event(projectId, deploymentId, 'deploy.succeeded', new Date(), {
      url: 'https://shop.sota.io',
    });
    await t.sendWebhook(hookId, done, secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 2);
    await t.app.worker.drain(5000);
    const latest = t.fakeSlack.messagesIn(CHANNEL)[1];
    expect(latest?.text).toContain('https://shop.sota.io');
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
