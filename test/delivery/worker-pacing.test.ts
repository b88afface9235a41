import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeSlackCall } from '../fakes/fake-slack.js';
import { createHarness, type Harness, waitFor } from './harness.js';

const STARTED = { event: 'deploy.started', occurredAt: '2026-02-25T14:30:00.000Z' } as const;
const SUCCEEDED = { event: 'deploy.succeeded', occurredAt: '2026-02-25T14:31:00.000Z' } as const;

let h: Harness;
afterEach(async () => h?.cleanup());

const inChannel = (channel: string) => (c: FakeSlackCall) => c.body.channel === channel;
const deploymentOf = (c: FakeSlackCall) =>
  (c.body.metadata as { event_payload?: { deployment_id?: string } } | undefined)?.event_payload
    ?.deployment_id;

async function project(channel: string) {
  const projectId = randomUUID();
  return { hookId: await h.subscribe(channel, projectId), projectId };
}

/** The largest number of calls any stretch of `calls` holds beyond what the bucket allows for its length. */
function worstExcess(calls: FakeSlackCall[], burst: number, refillMs: number): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < calls.length; i += 1) {
    for (let j = i; j < calls.length; j += 1) {
      const allowed = burst + Math.floor(((calls[j]?.at ?? 0) - (calls[i]?.at ?? 0)) / refillMs);
      worst = Math.max(worst, j - i + 1 - allowed);
    }
  }
  return worst;
}

describe('delivery worker: channel pace', () => {
  it('keeps to the refill rate once the burst is spent, in queue order', async () => {
    const refillMs = 150;
    h = await createHarness({
      worker: { channelPaceMs: refillMs, channelBurst: 2 },
      slack: { channelRateLimit: { perSecond: 1000 / refillMs, burst: 2 } },
    });
    const p = await project('C1');
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const now = Date.now();
    for (const [i, id] of ids.entries()) {
      await h.ingest({ channelProject: p, deploymentId: id, ...STARTED, receivedAt: now - 10 + i });
    }
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 4, 'four messages');
    await h.ingest({ channelProject: p, deploymentId: ids[0] ?? '', ...SUCCEEDED });
    await h.ingest({ channelProject: p, deploymentId: ids[1] ?? '', ...SUCCEEDED });
    h.worker.wake();
    await waitFor(() => h.slack.calls.length === 8, 'two updates with their thread replies');
    await h.worker.drain();

    const calls = h.slack.calls;
    expect(calls).toHaveLength(8);
    expect(calls.map((c) => c.result)).toEqual(Array(8).fill('ok'));
    expect(calls.slice(0, 4).map(deploymentOf)).toEqual(ids);
    expect(worstExcess(calls, 2, refillMs)).toBeLessThanOrEqual(0);
    // Four posts on a bucket of two: the third and the fourth each waited for a refill after an earlier answer.
    const [first, second, third, fourth] = calls;
    expect(third!.at - first!.answeredAt!).toBeGreaterThanOrEqual(refillMs);
    expect(fourth!.at - second!.answeredAt!).toBeGreaterThanOrEqual(refillMs);
  });

  it('uses the burst for a message, its update and the thread reply, without waiting for a refill', async () => {
    // A refill outlasts the test: whatever is sent was sent on the burst alone.
    h = await createHarness({ worker: { channelPaceMs: 600_000, channelBurst: 3 } });
    const p = await project('C1');
    const id = randomUUID();
    await h.ingest({ channelProject: p, deploymentId: id, ...STARTED });
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 1, 'the message');
    await h.ingest({ channelProject: p, deploymentId: id, ...SUCCEEDED });
    h.worker.wake();
    await waitFor(() => h.slack.calls.length === 3, 'the update and its thread reply');

    const [message] = h.slack.messagesIn('C1');
    expect(h.slack.calls.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'chat.update',
      'chat.postMessage',
    ]);
    expect(h.slack.calls[2]?.body.thread_ts).toBe(message?.ts);
    expect(h.slack.calls.map((c) => c.result)).toEqual(['ok', 'ok', 'ok']);
  });

  it('serves another channel while a channel waits for its next token, with one slot', async () => {
    const paceMs = 1500;
    h = await createHarness({ worker: { concurrency: 1, channelPaceMs: paceMs, channelBurst: 1 } });
    const a = await project('CA');
    const b = await project('CB');
    const [a1, a2, b1] = [randomUUID(), randomUUID(), randomUUID()];
    const now = Date.now();
    await h.ingest({ channelProject: a, deploymentId: a1, ...STARTED, receivedAt: now - 3 });
    await h.ingest({ channelProject: a, deploymentId: a2, ...STARTED, receivedAt: now - 2 });
    await h.ingest({ channelProject: b, deploymentId: b1, ...STARTED, receivedAt: now - 1 });
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('CA').length === 2, 'both messages in CA');
    await h.worker.drain();

    const calls = h.slack.calls;
    expect(calls.map(deploymentOf)).toEqual([a1, b1, a2]);
    expect(calls.map((c) => c.result)).toEqual(['ok', 'ok', 'ok']);
    const [first, second] = calls.filter(inChannel('CA'));
    expect((second?.at ?? 0) - (first?.answeredAt ?? 0)).toBeGreaterThanOrEqual(paceMs);
    expect(h.slack.messagesIn('CB')).toHaveLength(1);
  });
});
