import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { counterValue, type Ev, expectedMessage, expectedReply, viewOf } from './expected.js';
import { createHarness, type Harness, TEAM } from './harness.js';

const T0 = '2026-02-25T14:30:00.000Z';
const T1 = '2026-02-25T14:31:42.000Z';
const started: Ev = { event: 'deploy.started', occurredAt: T0, data: { status: 'running' } };
const succeeded: Ev = {
  event: 'deploy.succeeded',
  occurredAt: T1,
  data: { status: 'running', url: 'https://my-app.sota.io' },
};
const failed: Ev = {
  event: 'deploy.failed',
  occurredAt: '2026-02-25T14:32:00.000Z',
  data: { error: 'build broke' },
};

let h: Harness;
afterEach(async () => h?.cleanup());

async function setup(channels: Record<string, Ev['event'][] | undefined> = { C1: undefined }) {
  h = await createHarness();
  const projectId = randomUUID();
  let hookId = '';
  for (const [channel, events] of Object.entries(channels))
    hookId = await h.subscribe(channel, projectId, events);
  const deploymentId = randomUUID();
  const send = (ev: Ev) => h.ingest({ channelProject: { hookId, projectId }, deploymentId, ...ev });
  return { projectId, deploymentId, send };
}

describe('delivery worker: one message per deployment', () => {
  it('posts on started, then updates the same message and answers in its thread on succeeded', async () => {
    const { projectId, deploymentId, send } = await setup();
    await send(started);
    await h.worker.drain();

    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const [first] = h.slack.messagesIn('C1');
    const firstText = first?.text;
    expect(first).toMatchObject(expectedMessage(viewOf(projectId, deploymentId, [started])));
    expect(first?.metadata).toEqual({
      event_type: 'sota_deployment',
      event_payload: { deployment_id: deploymentId, project_id: projectId, status: 'started' },
    });
    expect(h.slack.callsTo('chat.postMessage')[0]?.body).toMatchObject({ unfurl_links: 'false' });

    await send(succeeded);
    await h.worker.drain();

    const final = viewOf(projectId, deploymentId, [started, succeeded]);
    expect(final.status).toBe('succeeded');
    expect(h.slack.messagesIn('C1')).toHaveLength(1);
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);
    expect(h.slack.messagesIn('C1')[0]).toMatchObject({ ts: first?.ts, ...expectedMessage(final) });
    expect(expectedMessage(final).text).not.toEqual(firstText);
    expect(first?.history.map((v) => v.text)).toEqual([firstText]);
    const replies = h.slack.threadReplies('C1', first?.ts ?? '');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject(expectedReply(final));
    expect(await h.store.getMessage(TEAM, 'C1', deploymentId)).toMatchObject({
      ts: first?.ts,
      shownStatus: 'succeeded',
      repliedStatus: 'succeeded',
    });
    expect(await counterValue(h.metrics.deliveries, { outcome: 'posted' })).toBe(1);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'updated' })).toBe(1);
    expect(await counterValue(h.metrics.slackCalls, { method: 'chat.update', result: 'ok' })).toBe(1);
    expect(
      (await h.metrics.deliveryLatency.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value,
    ).toBe(2);

    expect((await send(succeeded)).duplicate).toBe(true);
    await h.worker.drain();
    expect(h.slack.calls).toHaveLength(3);
  });

  it('a success that arrives before its start is posted once in its final state and never moves back', async () => {
    const { projectId, deploymentId, send } = await setup();
    await send(succeeded);
    await h.worker.drain();

    const [msg] = h.slack.messagesIn('C1');
    expect(msg).toMatchObject(expectedMessage(viewOf(projectId, deploymentId, [succeeded])));
    expect(msg?.metadata).toMatchObject({ event_payload: { status: 'succeeded' } });
    expect(h.slack.threadReplies('C1', msg?.ts ?? '')).toHaveLength(0);

    await send(started);
    await h.worker.drain();

    const final = viewOf(projectId, deploymentId, [succeeded, started]);
    expect(final.status).toBe('succeeded');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.slack.callsTo('chat.update').length).toBeLessThanOrEqual(1);
    expect(h.slack.messagesIn('C1')[0]).toMatchObject(expectedMessage(final));
    expect(h.slack.messagesIn('C1')[0]?.text).not.toEqual(
      expectedMessage(viewOf(projectId, deploymentId, [started])).text,
    );
    expect(await h.store.getMessage(TEAM, 'C1', deploymentId)).toMatchObject({ shownStatus: 'succeeded' });
  });

  it('the same event received twice, or twenty times at once, makes one message', async () => {
    const { send } = await setup();
    await send(started);
    await send(started);
    await Promise.all(Array.from({ length: 20 }, () => send(started)));
    await h.worker.drain();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.slack.messagesIn('C1')).toHaveLength(1);
  });

  it('events queued before the worker runs coalesce into one post showing the newest state', async () => {
    const { projectId, deploymentId, send } = await setup();
    await send(started);
    await send(succeeded);
    await send(failed);
    await h.worker.drain();

    const final = viewOf(projectId, deploymentId, [started, succeeded, failed]);
    expect(final.status).toBe('failed');
    expect(h.slack.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(h.slack.messagesIn('C1')[0]).toMatchObject(expectedMessage(final));
    expect(h.slack.messagesIn('C1')[0]?.metadata).toMatchObject({ event_payload: { status: 'failed' } });
  });

  it("applies each channel's event filter", async () => {
    const { projectId, deploymentId, send } = await setup({ C1: undefined, C2: ['deploy.failed'] });
    await send(started);
    await send(succeeded);
    await h.worker.drain();
    expect(h.slack.messagesIn('C1')).toHaveLength(1);
    expect(h.slack.messagesIn('C2')).toHaveLength(0);
    expect(h.slack.calls.filter((c) => c.body.channel === 'C2')).toHaveLength(0);

    const other = randomUUID();
    const hookId = (await h.store.getSubscription(TEAM, 'C2', projectId))?.hookId ?? '';
    const sendOther = (ev: Ev) =>
      h.ingest({ channelProject: { hookId, projectId }, deploymentId: other, ...ev });
    await sendOther(started);
    await sendOther(failed);
    await h.worker.drain();

    // C2 gets a message only for the failure: one post in the failed state, which still shows
    // when the deployment started (every event is kept whatever the filter).
    const c2 = h.slack.messagesIn('C2');
    expect(c2).toHaveLength(1);
    expect(c2[0]).toMatchObject(expectedMessage(viewOf(projectId, other, [started, failed])));
    expect(h.slack.calls.filter((c) => c.body.channel === 'C2')).toHaveLength(1);
    expect(h.slack.messagesIn('C1')).toHaveLength(2);
    expect(deploymentId).not.toBe(other);
  });

  it('drops the job without calling Slack when the channel unsubscribed or the workspace has no token', async () => {
    const { projectId, send } = await setup({ C1: undefined, C2: undefined });
    await send(started);
    await h.store.deleteSubscription(TEAM, 'C2', projectId);
    await h.worker.drain();
    expect(h.slack.calls.map((c) => c.body.channel)).toEqual(['C1']);
    expect((await h.store.queueStats(Date.now())).depth).toBe(0);

    const noToken = h.makeWorker(h.store, { tokenFor: async () => undefined });
    await send(succeeded);
    await noToken.drain();
    expect(h.slack.calls).toHaveLength(1);
    expect((await h.store.queueStats(Date.now())).depth).toBe(0);
    expect(await counterValue(h.metrics.deliveries, { outcome: 'dropped' })).toBe(1);
  });
});
