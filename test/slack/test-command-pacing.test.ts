/**
 * `/sota test` posts under the same rules as deployment messages: it waits for the channel's pace,
 * waits out (or declines during) a workspace's Retry-After, and a 429 on it holds the workspace's
 * deployment messages too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { deployEvent, hookIdOf, runCommand } from './slack-test-kit.js';

const PACE_MS = 1000;

let t: TestApp;
afterEach(async () => t.stop());

async function subscribedApp(channelId: string) {
  t = await startTestApp({
    start: { worker: { pollIntervalMs: 50, channelPaceMs: PACE_MS, channelBurst: 1 } },
  });
  const project = t.fakeSota.addProject({ name: 'web' });
  await runCommand(t, 'subscribe web', { channelId });
  const [webhook] = t.fakeSota.webhooks;
  const send = async () => {
    const res = await t.sendWebhook(hookIdOf(webhook!.url), deployEvent(project.id), webhook!.secret);
    expect(res.status).toBe(202);
  };
  return { send };
}

const posts = () => t.fakeSlack.callsTo('chat.postMessage');

describe('/sota test under Slack rate limits', () => {
  it('waits for the channel pace after a deployment message in the same channel', async () => {
    const { send } = await subscribedApp('C1');
    await send();
    await t.waitFor(() => t.fakeSlack.messagesIn('C1').length === 1);
    const answer = await runCommand(t, 'test web', { channelId: 'C1' });

    expect(answer.text).toContain('Posted a sample deployment message');
    const [deployment, sample] = posts();
    expect(sample?.body.channel).toBe('C1');
    expect(sample!.at - deployment!.answeredAt!).toBeGreaterThanOrEqual(PACE_MS);
  });

  it('does not post while a deployment message’s 429 holds the workspace, and says when to try again', async () => {
    const { send } = await subscribedApp('C1');
    t.fakeSlack.failNext('chat.postMessage', { rateLimit: 30 });
    await send();
    await t.waitFor(() => posts().some((c) => c.result === 'rate_limited'));
    const answer = await runCommand(t, 'test web', { channelId: 'C2' });

    expect(answer.text).toMatch(/Slack asked this workspace to slow down.*Try again in (29|30) s/);
    expect(posts()).toHaveLength(1);
    expect(t.fakeSlack.messagesIn('C2')).toEqual([]);
    expect(t.fakeSlack.earlyCalls).toEqual([]);
  });

  it('a 429 on the sample holds the workspace: the next deployment message waits for Retry-After', async () => {
    const { send } = await subscribedApp('C1');
    t.fakeSlack.failNext('chat.postMessage', { rateLimit: 2 });
    const answer = await runCommand(t, 'test web', { channelId: 'C2' });
    expect(answer.text).toMatch(/slow down.*Try again in 2 s/);

    await send();
    await t.waitFor(() => t.fakeSlack.messagesIn('C1').length === 1);
    const [limited, delivered] = posts();
    expect(limited?.result).toBe('rate_limited');
    expect(delivered!.at - limited!.answeredAt!).toBeGreaterThanOrEqual(2000);
    expect(t.fakeSlack.earlyCalls).toEqual([]);
  });
});
