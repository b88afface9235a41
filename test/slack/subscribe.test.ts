import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestApp,
  TEST_PUBLIC_URL,
  TEST_SOTA_TOKEN,
  TEST_TEAM,
  type TestApp,
} from '../helpers/test-app.js';
import { deployEvent, expectNoSecretIn, hookIdOf, runCommand } from './slack-test-kit.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.stop());

describe('/sota subscribe', () => {
  it('by slug: registers one webhook for all three events, stores the hook, answers in the channel', async () => {
    const project = t.fakeSota.addProject({ name: 'My App', slug: 'my-app' });
    const answer = await runCommand(t, 'subscribe my-app', { userId: 'U1' });

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe(
      '<@U1> subscribed this channel to *My App* (`my-app`) (started, succeeded, failed).',
    );
    expect(t.fakeSota.webhooks).toHaveLength(1);
    const [webhook] = t.fakeSota.webhooks;
    expect(webhook?.events).toEqual(['deploy.started', 'deploy.succeeded', 'deploy.failed']);
    expect(webhook?.url).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/webhooks/sota/[A-Za-z0-9_-]+$`));
    const hook = await t.store.findHook(TEST_TEAM, project.id);
    expect(hook).toMatchObject({ status: 'active', sotaWebhookId: webhook?.id, secret: webhook?.secret });
    expect(hook?.id).toBe(hookIdOf(webhook?.url ?? ''));
    const sub = await t.store.getSubscription(TEST_TEAM, 'C0CHANNEL', project.id);
    expect(sub).toMatchObject({ state: 'active', createdBy: 'U1', hookId: hook?.id });
    expectNoSecretIn(t.logs, [webhook?.secret ?? 'whsec_', TEST_SOTA_TOKEN]);
  });

  it('by id, with a filter: records the filter and names it', async () => {
    const project = t.fakeSota.addProject({ name: 'api' });
    const answer = await runCommand(t, `subscribe ${project.id} failed succeeded`);
    expect(answer.text).toContain('*api*');
    expect(answer.text).toContain('(succeeded, failed)');
    const sub = await t.store.getSubscription(TEST_TEAM, 'C0CHANNEL', project.id);
    expect(sub?.events).toEqual(['deploy.succeeded', 'deploy.failed']);
  });

  it('a second channel shares the hook: still one remote webhook', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web', { channelId: 'C1' });
    await runCommand(t, 'subscribe web started', { channelId: 'C2' });
    expect(t.fakeSota.webhooks).toHaveLength(1);
    const a = await t.store.getSubscription(TEST_TEAM, 'C1', project.id);
    const b = await t.store.getSubscription(TEST_TEAM, 'C2', project.id);
    expect(a?.hookId).toBe(b?.hookId);
    expect(b?.events).toEqual(['deploy.started']);
  });

  it('subscribing again updates the filter; a paused subscription is resumed', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web');
    const updated = await runCommand(t, 'subscribe web failed', { userId: 'U2' });
    expect(updated.text).toBe('<@U2> changed this channel’s subscription to *web* (failed).');
    expect((await t.store.getSubscription(TEST_TEAM, 'C0CHANNEL', project.id))?.events).toEqual([
      'deploy.failed',
    ]);

    await t.store.pauseSubscriptions({ teamId: TEST_TEAM, projectId: project.id }, 'not_in_channel');
    const resumed = await runCommand(t, 'subscribe web');
    expect(resumed.text).toContain('resumed this channel’s subscription to *web*');
    const sub = await t.store.getSubscription(TEST_TEAM, 'C0CHANNEL', project.id);
    expect(sub).toMatchObject({ state: 'active', pausedReason: null });
    expect(sub?.events).toHaveLength(3);
    expect(t.fakeSota.webhooks).toHaveLength(1);
  });

  it('events signed with the registered secret reach the channel', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web');
    const [webhook] = t.fakeSota.webhooks;
    const res = await t.sendWebhook(hookIdOf(webhook!.url), deployEvent(project.id), webhook!.secret);
    expect(res.status).toBeLessThan(300);
    await t.waitFor(() => t.fakeSlack.messagesIn('C0CHANNEL').length > 0);
  });

  it('a project that does not exist: says so, registers nothing', async () => {
    t.fakeSota.addProject({ name: 'web' });
    const answer = await runCommand(t, 'subscribe nope');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('could not find a sota.io project `nope`');
    expect(answer.text).toContain('/sota connect');
    expect(t.fakeSota.webhooks).toHaveLength(0);
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toHaveLength(0);
  });

  it('a private channel the bot is not in: asks to invite it, changes nothing', async () => {
    await t.stop();
    const { startFakeSlack } = await import('../fakes/fake-slack.js');
    const fakeSlack = await startFakeSlack({
      tokens: { 'xoxb-test-bot-token-T0TEST': { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
      channels: {
        GSECRET: { isPrivate: true, isMember: false },
        GJOINED: { isPrivate: true, isMember: true },
      },
    });
    t = await startTestApp({ fakeSlack });
    try {
      t.fakeSota.addProject({ name: 'web' });
      for (const channelId of ['GSECRET', 'GHIDDEN']) {
        const answer = await runCommand(t, 'subscribe web', { channelId });
        expect(answer.text).toContain('/invite @sota');
      }
      expect(t.fakeSota.webhooks).toHaveLength(0);
      const joined = await runCommand(t, 'subscribe web', { channelId: 'GJOINED' });
      expect(joined.response_type).toBe('ephemeral');
    } finally {
      await fakeSlack.close();
    }
  });

  it('without PUBLIC_URL: says the operator must set it, calls nothing', async () => {
    await t.stop();
    t = await startTestApp({ env: { PUBLIC_URL: '' } });
    t.fakeSota.addProject({ name: 'web' });
    const answer = await runCommand(t, 'subscribe web');
    expect(answer.text).toContain('`PUBLIC_URL`');
    expect(t.fakeSota.requests).toHaveLength(0);
  });

  it('without any sota.io key: explains /sota connect', async () => {
    await t.stop();
    t = await startTestApp({ env: { SOTA_API_TOKEN: '' } });
    t.fakeSota.addProject({ name: 'web' });
    const answer = await runCommand(t, 'subscribe web');
    expect(answer.text).toContain('Run `/sota connect`');
    expect(t.fakeSota.requests).toHaveLength(0);
  });

  it('uses the workspace key over the default token', async () => {
    t.fakeSota.tokens.add('sota_workspace_key_0001');
    await t.store.setApiKey({
      teamId: TEST_TEAM,
      apiKey: 'sota_workspace_key_0001',
      label: 'x',
      createdBy: 'U1',
      createdAt: Date.now(),
    });
    t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web');
    const auths = t.fakeSota.requests.map((r) => r.headers.authorization);
    expect(auths.length).toBeGreaterThan(0);
    expect(new Set(auths)).toEqual(new Set(['Bearer sota_workspace_key_0001']));
  });

  it('a double submit registers one webhook and subscribes once', async () => {
    const project = t.fakeSota.addProject({ name: 'web' });
    const before = t.responses.length;
    const sent = await Promise.all([t.sendCommand('subscribe web'), t.sendCommand('subscribe web')]);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    await t.waitFor(() => t.responses.length >= before + 2);
    expect(t.fakeSota.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(t.fakeSota.webhooks).toHaveLength(1);
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toHaveLength(1);
    const hook = await t.store.findHook(TEST_TEAM, project.id);
    expect(hook?.sotaWebhookId).toBe(t.fakeSota.webhooks[0]?.id);
  });
});
