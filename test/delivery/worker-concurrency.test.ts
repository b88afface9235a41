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

describe('delivery worker: restarts, channels and pace', () => {
  it('a new worker on the same store file delivers what a stopped one left, each message once', async () => {
    // The timeout ends C2's hung call; C1's call must never reach it, even on a busy machine (a call that
    // Slack accepted but the client gave up on would be posted again).
    h = await createHarness({ slackTimeoutMs: 2000 });
    const p1 = await project('C1');
    const p2 = await project('C2');
    const endHang = h.slack.failWhile(inChannel('C2'), { hang: true });
    await h.ingest({ channelProject: p1, deploymentId: randomUUID(), ...STARTED });
    await h.ingest({ channelProject: p2, deploymentId: randomUUID(), ...STARTED });
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 1 && h.slack.calls.some(inChannel('C2')));

    await h.worker.stop();
    await h.store.close();
    endHang();
    expect(h.slack.messagesIn('C2')).toHaveLength(0);

    const store = await h.openStore();
    const next = h.makeWorker(store);
    next.start();
    await waitFor(() => h.slack.messagesIn('C2').length === 1);
    await next.drain();
    expect(h.slack.messagesIn('C1')).toHaveLength(1);
    expect(h.slack.messagesIn('C2')).toHaveLength(1);
    expect(h.slack.calls.filter(inChannel('C1'))).toHaveLength(1);
  });

  it('takes over the job of a worker that died holding its lease, once the lease expires', async () => {
    h = await createHarness();
    const p1 = await project('C1');
    await h.ingest({ channelProject: p1, deploymentId: randomUUID(), ...STARTED });
    const [job] = await h.store.claimJobs('worker-that-died', Date.now(), 300, 10);
    expect(job).toBeDefined();
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 1);
    await h.worker.drain();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a channel whose Slack calls hang does not hold up another channel', async () => {
    // The hung call must outlast serving C2 however busy the machine is; closing the fake ends it.
    h = await createHarness({ slackTimeoutMs: 600_000 });
    const p1 = await project('C1');
    const p2 = await project('C2');
    h.slack.failWhile(inChannel('C1'), { hang: true });
    await h.ingest({
      channelProject: p1,
      deploymentId: randomUUID(),
      ...STARTED,
      receivedAt: Date.now() - 10,
    });
    h.worker.start();
    await waitFor(() => h.slack.calls.some(inChannel('C1')), 'the hanging call');
    await h.ingest({ channelProject: p2, deploymentId: randomUUID(), ...STARTED });
    h.worker.wake();
    await waitFor(() => h.slack.messagesIn('C2').length === 1);

    const c1Calls = h.slack.calls.filter(inChannel('C1'));
    expect(c1Calls).toHaveLength(1);
    expect(c1Calls[0]?.answeredAt).toBeUndefined();
    expect(c1Calls[0]?.abortedAt).toBeUndefined(); // still waiting on Slack while C2 was served
    expect(h.slack.messagesIn('C1')).toHaveLength(0);
  });

  it('without a burst, spaces calls to one channel by channelPaceMs, in queue order', async () => {
    h = await createHarness({ worker: { channelPaceMs: 200, channelBurst: 1 } });
    const p1 = await project('C1');
    const now = Date.now();
    const [d1, d2] = [randomUUID(), randomUUID()];
    await h.ingest({ channelProject: p1, deploymentId: d1, ...STARTED, receivedAt: now - 1 });
    await h.ingest({ channelProject: p1, deploymentId: d2, ...STARTED, receivedAt: now });
    h.worker.start();
    await waitFor(() => h.slack.messagesIn('C1').length === 2);
    await h.ingest({ channelProject: p1, deploymentId: d1, ...SUCCEEDED });
    h.worker.wake();
    await waitFor(() => h.slack.calls.length === 4);

    const calls = h.slack.calls;
    expect(calls.slice(0, 2).map(deploymentOf)).toEqual([d1, d2]);
    expect(calls.slice(2).map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    expect(calls[3]?.body.thread_ts).toBe(h.slack.messagesIn('C1')[0]?.ts);
    for (let i = 1; i < calls.length; i += 1) {
      expect((calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    }
  });
});
