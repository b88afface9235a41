/**
 * No subscription stops without someone being told: a pause for good sends the member who subscribed
 * one direct message; archived, deleted or left channels pause at once; a workspace paused by a
 * refused token resumes when it is installed again; /sota list says who, when and what went wrong.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { runCommand } from '../slack/slack-test-kit.js';
import { createClock, deploy, followedApp, send } from './signal-kit.js';

const CHANNEL = 'C0DEPLOYS';
const SUBSCRIBER = 'U0USER';
let apps: TestApp[] = [];

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

const dms = (t: TestApp) => t.fakeSlack.messagesIn(SUBSCRIBER);

describe('a paused channel tells the member who subscribed, once', () => {
  it('delivery refused with not_in_channel: paused, one direct message with the fix, /sota list shows it', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    f.t.fakeSlack.failWhile((call) => call.body.channel === CHANNEL, { error: 'not_in_channel' });
    await deploy(f, clock, 'failed');
    await deploy(f, clock, 'failed');
    await f.t.app.signals.notices.runOnce();
    await f.t.app.signals.notices.runOnce();

    expect((await f.t.store.getSubscription('T0TEST', CHANNEL, f.projectId))?.state).toBe('paused');
    expect(dms(f.t)).toHaveLength(1);
    expect(dms(f.t)[0]?.text).toContain(`<#${CHANNEL}>`);
    expect(dms(f.t)[0]?.text).toContain('`/invite @sota`');
    expect(dms(f.t)[0]?.text).toContain('`/sota subscribe shop`');
    const list = await runCommand(f.t, 'list', { channelId: CHANNEL });
    expect(list.text).toContain(`subscribed by <@${SUBSCRIBER}>`);
    expect(list.text).toContain('last error `not_in_channel`');
  });

  it.each([
    ['channel_archive', 'this channel was archived'],
    ['group_archive', 'this channel was archived'],
    ['channel_deleted', 'I cannot see this channel any more'],
  ])('%s pauses the channel at once and tells the subscriber once', async (type, why) => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const event = { type, channel: CHANNEL, user: 'U0OTHER', event_ts: '1.1' };
    expect((await f.t.sendEvent(event)).status).toBe(200);
    await f.t.waitFor(
      async () => (await f.t.store.getSubscription('T0TEST', CHANNEL, f.projectId))?.state === 'paused',
    );
    await f.t.sendEvent(event);
    await f.t.app.signals.notices.runOnce();
    await f.t.app.signals.notices.runOnce();
    expect(dms(f.t)).toHaveLength(1);
    expect(dms(f.t)[0]?.text).toContain(why);
    await deploy(f, clock, 'succeeded');
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toEqual([]);
  });

  it('member_left_channel pauses only when the bot itself left', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const left = (user: string) => ({
      type: 'member_left_channel',
      user,
      channel: CHANNEL,
      channel_type: 'G',
      team: 'T0TEST',
    });
    expect((await f.t.sendEvent(left('U0SOMEONE'))).status).toBe(200);
    await deploy(f, clock, 'succeeded');
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(1);
    await f.t.sendEvent(left('UBOT'));
    await f.t.waitFor(
      async () =>
        (await f.t.store.getSubscription('T0TEST', CHANNEL, f.projectId))?.pausedReason === 'not_in_channel',
    );
    await f.t.app.signals.notices.runOnce();
    expect(dms(f.t)).toHaveLength(1);
  });
});

describe('reinstalling resumes a workspace paused by a refused token', () => {
  it('token_revoked pauses the workspace; a new installation resumes it', async () => {
    const clock = createClock();
    const t = await startTestApp({
      mode: 'multi',
      env: { SOTA_API_TOKEN_TEAMS: 'TFAKE' },
      start: { now: clock.now, signals: { start: false } },
    });
    apps.push(t);
    const install = async (code: string) => {
      const res = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
      const state = new URL(res.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const done = await fetch(`${t.url}/slack/oauth_redirect?code=${code}&state=${state}`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(done.status).toBeLessThan(400);
      return (await t.store.getInstallation('TFAKE'))!.botToken;
    };
    const first = await install('code-1');
    const project = t.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' });
    await runCommand(t, 'subscribe shop', { teamId: 'TFAKE', channelId: 'C1' });
    const webhook = t.fakeSota.webhooks[0]!;
    const f = { t, projectId: project.id, hookId: webhook.url.split('/').pop()!, secret: webhook.secret };
    t.fakeSlack.revokeToken(first);
    await send(f, clock, randomUUID(), 'deploy.started');
    await t.app.worker.drain();
    expect((await t.store.getSubscription('TFAKE', 'C1', project.id))?.pausedReason).toBe('token_revoked');

    await install('code-2');
    expect((await t.store.getSubscription('TFAKE', 'C1', project.id))?.state).toBe('active');
    await send(f, clock, randomUUID(), 'deploy.started');
    await t.app.worker.drain();
    expect(t.fakeSlack.messagesIn('C1')).toHaveLength(1);
  });
});
