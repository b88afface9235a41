import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PERMANENT_SLACK_ERRORS } from '../../src/delivery/classify-slack-error.js';
import type { FakeSlackCall } from '../fakes/fake-slack.js';
import { counterValue } from './expected.js';
import { createHarness, type Harness, type HarnessOptions, TEAM, TOKEN, waitFor } from './harness.js';

const STARTED = { event: 'deploy.started', occurredAt: '2026-02-25T14:30:00.000Z' } as const;
const SUCCEEDED = {
  event: 'deploy.succeeded',
  occurredAt: '2026-02-25T14:31:00.000Z',
  data: { url: 'https://my-app.sota.io' },
} as const;

let h: Harness;
afterEach(async () => h?.cleanup());

const postTo = (channel: string) => (c: FakeSlackCall) =>
  c.method === 'chat.postMessage' && c.body.channel === channel;
const deploymentOf = (c: FakeSlackCall) =>
  (c.body.metadata as { event_payload?: { deployment_id?: string } } | undefined)?.event_payload
    ?.deployment_id;

/** A harness whose worker runs on a clock the test moves by hand. */
async function withClock(options: HarnessOptions = {}) {
  const clock = { t: Date.now() };
  h = await createHarness({ ...options, worker: { now: () => clock.t, ...options.worker } });
  return clock;
}

async function project(channels: string[]) {
  const projectId = randomUUID();
  let hookId = '';
  for (const c of channels) hookId = await h.subscribe(c, projectId);
  return { hookId, projectId };
}

describe('delivery worker: Slack failures', () => {
  it('retries after a 503 with counted attempts and backoff, then delivers once', async () => {
    const clock = await withClock();
    const target = await project(['C1']);
    h.slack.failNext('chat.postMessage', { status: 503 }, 2);
    await h.ingest({ channelProject: target, deploymentId: randomUUID(), ...STARTED, receivedAt: clock.t });

    expect(await h.worker.runOnce()).toBe(1);
    expect(await h.worker.runOnce()).toBe(0); // waiting out its backoff
    clock.t += 1000; // the first retry waits 0.5–1 s
    expect(await h.worker.runOnce()).toBe(1);
    clock.t += 999; // the second waits 1–2 s: only so if the first attempt was counted
    expect(await h.worker.runOnce()).toBe(0);
    clock.t += 1001;
    expect(await h.worker.runOnce()).toBe(1);

    expect(h.slack.callsTo('chat.postMessage').map((c) => c.result)).toEqual(['http_503', 'http_503', 'ok']);
    expect(h.slack.messagesIn('C1')).toHaveLength(1);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'retry' })).toBe(2);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'posted' })).toBe(1);
    expect(
      await counterValue(h.metrics.slackCalls, { method: 'chat.postMessage', result: 'transient' }),
    ).toBe(2);
    expect(h.logs.filter((l) => l.includes('will retry')).map((l) => JSON.parse(l).attempt)).toEqual([1, 2]);
  });

  it('gives a job up when it is older than maxJobAgeMs and still failing', async () => {
    const clock = await withClock({ worker: { maxJobAgeMs: 3_600_000 } });
    const target = await project(['C1']);
    h.slack.failNext('chat.postMessage', { error: 'internal_error' });
    await h.ingest({
      channelProject: target,
      deploymentId: randomUUID(),
      ...STARTED,
      receivedAt: clock.t - 7_200_000,
    });
    expect(await h.worker.runOnce()).toBe(1);
    clock.t += 600_000;
    expect(await h.worker.runOnce()).toBe(0);
    expect((await h.store.queueStats(clock.t)).depth).toBe(0);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'dropped' })).toBe(1);
    expect(h.slack.calls).toHaveLength(1);
  });

  it('after a 429 waits out Retry-After for the whole workspace, then delivers', async () => {
    h = await createHarness();
    const p1 = await project(['C1']);
    const p2 = await project(['C2']);
    h.slack.failNext('chat.postMessage', { rateLimit: 1 });
    await h.ingest({ channelProject: p1, deploymentId: randomUUID(), ...STARTED });
    expect(await h.worker.runOnce()).toBe(1);

    const [limited] = h.slack.calls;
    expect(limited?.result).toBe('rate_limited');
    const until = (limited?.at ?? 0) + 1000;
    expect(await h.store.getWorkspaceHold(TEAM)).toBeGreaterThanOrEqual(until);
    await h.ingest({ channelProject: p2, deploymentId: randomUUID(), ...STARTED });
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 1 && h.slack.messagesIn('C2').length === 1);

    expect(h.slack.earlyCalls).toEqual([]);
    for (const call of h.slack.calls.slice(1)) expect(call.at).toBeGreaterThanOrEqual(until);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'rate_limited' })).toBe(1);
  });

  it('a job already running does not call a workspace that another job found rate limited', async () => {
    h = await createHarness();
    const p1 = await project(['C1']);
    const p2 = await project(['C2']);
    const d2 = randomUUID();
    await h.ingest({ channelProject: p2, deploymentId: d2, ...STARTED });
    await h.worker.drain();
    const ts = h.slack.messagesIn('C2')[0]?.ts ?? '';

    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.slack.failNext('chat.update', { gate });
    await h.ingest({ channelProject: p2, deploymentId: d2, ...SUCCEEDED });
    h.worker.start();
    await waitFor(() => h.slack.callsTo('chat.update').length === 1, 'the update to hang at the gate');

    h.slack.failNext(postTo('C1'), { rateLimit: 1 });
    await h.ingest({ channelProject: p1, deploymentId: randomUUID(), ...STARTED });
    h.worker.wake();
    await waitFor(async () => (await h.store.getWorkspaceHold(TEAM)) > 0, 'the rate limit to be recorded');
    const limitedAt = h.slack.calls.find((c) => c.result === 'rate_limited')?.at ?? 0;
    release();

    await waitFor(
      () => h.slack.threadReplies('C2', ts).length === 1 && h.slack.messagesIn('C1').length === 1,
    );
    expect(h.slack.earlyCalls).toEqual([]);
    const reply = h.slack.calls.find((c) => c.body.thread_ts === ts);
    expect(reply?.at).toBeGreaterThanOrEqual(limitedAt + 1000);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'rate_limited' })).toBe(2);
  });

  const scopes = Object.entries(PERMANENT_SLACK_ERRORS);
  it.each(scopes)('%s pauses the %s with that reason and stops calls for it', async (code, scope) => {
    const clock = await withClock();
    const p1 = await project(['C1', 'C2']);
    const p2 = await project(['C1']);
    const d1 = randomUUID();
    h.slack.failNext(postTo('C1'), { error: code });
    await h.ingest({ channelProject: p1, deploymentId: d1, ...STARTED, receivedAt: clock.t });
    await h.worker.drain();

    const expectPaused = {
      'C1/p1': true,
      'C1/p2': scope !== 'subscription',
      'C2/p1': scope === 'workspace',
    };
    for (const [key, paused] of Object.entries(expectPaused)) {
      const [channel, p] = key.split('/') as [string, 'p1' | 'p2'];
      const sub = await h.store.getSubscription(TEAM, channel, (p === 'p1' ? p1 : p2).projectId);
      expect(sub, key).toMatchObject(paused ? { state: 'paused', pausedReason: code } : { state: 'active' });
    }
    expect(h.logs.filter((l) => l.includes(`"code":"${code}"`) && l.includes('"level":40'))).toHaveLength(1);
    expect(h.logs.join('')).not.toContain(TOKEN);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'paused' })).toBe(1);

    await h.ingest({ channelProject: p1, deploymentId: d1, ...SUCCEEDED, receivedAt: clock.t });
    clock.t += 3_600_000;
    await h.worker.drain();
    const aboutD1InC1 = h.slack.calls.filter((c) => c.body.channel === 'C1' && deploymentOf(c) === d1);
    expect(aboutD1InC1).toHaveLength(1);
    expect(h.slack.calls.filter((c) => c.body.channel === 'C1')).toHaveLength(1);
  });

  it('a store that fails does not crash the loop', async () => {
    h = await createHarness();
    h.worker.start();
    await h.store.close();
    h.worker.wake();
    await waitFor(() => h.logs.some((l) => l.includes('delivery queue unavailable')));
    await h.worker.stop();
    expect(h.slack.calls).toHaveLength(0);
  });
});
