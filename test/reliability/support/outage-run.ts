/**
 * One Slack outage drill against the real app: channels each subscribed to their own project,
 * webhooks at a steady rate, every chat.* call (or those of one channel) failing in one way for a
 * while, then Slack back. Measures webhook answers, Slack calls during the outage, and how long
 * everything takes to arrive afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { FakeSlackCall, FakeSlackFailure } from '../../fakes/fake-slack.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
  type TestApp,
  waitFor,
} from '../../helpers/test-app.js';
import { deployEvent } from '../../scale/cluster.js';
import { hookIdOf, runCommand } from '../../slack/slack-test-kit.js';
import { type Audit, auditDeliveries, type SentDeployment } from './delivery-audit.js';
import { percentile } from './figures.js';
import { secretsIn } from './leak-checks.js';
import { type Delivery, type SenderStats, sendUntilAcked } from './webhook-sender.js';

export interface OutageOptions {
  failure: FakeSlackFailure;
  outageMs: number;
  channels: number;
  /** Only this channel's calls fail (the others keep working); every channel's when undefined. */
  failingChannel?: string;
  webhooksPerSecond: number;
  /** How long webhooks keep coming after Slack is back. */
  tailMs: number;
  drainTimeoutMs: number;
}

export interface OutageResult {
  sender: SenderStats;
  audit: Audit;
  callsDuringOutage: number;
  maxCallsPerSecond: number;
  recoveryMs: number;
  /** Delivery latency (ack → post) of channels that were not failing, during the outage. */
  otherChannelsP99Ms: number | undefined;
  /** Messages of working channels acknowledged ≥ 5 s before the outage ended but posted after it. */
  otherChannelsHeldUp: number;
  /** Secrets and tokens found in the app's log lines. */
  logSecretsFound: number;
}

interface Target {
  channelId: string;
  projectId: string;
  projectName: string;
  hookId: string;
  secret: string;
}

export const channelName = (i: number) => `C0OUT${i}`;

async function subscribeChannels(t: TestApp, count: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let i = 0; i < count; i++) {
    const project = t.fakeSota.addProject({ name: `svc-${i}` });
    await runCommand(t, `subscribe ${project.slug}`, { channelId: channelName(i) });
    const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id)!;
    targets.push({
      channelId: channelName(i),
      projectId: project.id,
      projectName: project.name,
      hookId: hookIdOf(webhook.url),
      secret: webhook.secret,
    });
  }
  return targets;
}

function plan(targets: Target[], webhooks: number) {
  const sent: SentDeployment[] = [];
  const deliveries: Delivery[] = [];
  const channelOf = new Map<Delivery, string>();
  for (let d = 0; d < webhooks / 2; d++) {
    const target = targets[d % targets.length]!;
    const deploymentId = randomUUID();
    const events = [
      deployEvent(target.projectId, deploymentId, 'deploy.started'),
      deployEvent(target.projectId, deploymentId, 'deploy.succeeded'),
    ];
    sent.push({
      projectId: target.projectId,
      projectName: target.projectName,
      deploymentId,
      events,
      channels: [target.channelId],
    });
    for (const e of events) {
      const delivery = { hookId: target.hookId, secret: target.secret, body: e.body };
      deliveries.push(delivery);
      channelOf.set(delivery, target.channelId);
    }
  }
  return { sent, deliveries, channelOf };
}

function maxPerSecond(calls: FakeSlackCall[]): number {
  let max = 0;
  for (let i = 0, j = 0; i < calls.length; i++) {
    while (calls[i]!.at - calls[j]!.at >= 1000) j += 1;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

export async function runOutage(o: OutageOptions): Promise<OutageResult> {
  const t = await startTestApp({ start: { worker: { pollIntervalMs: 50, channelPaceMs: 1000 } } });
  try {
    const targets = await subscribeChannels(t, o.channels);
    const total = 2 * Math.round((o.webhooksPerSecond * (o.outageMs + o.tailMs)) / 2000);
    const { sent, deliveries, channelOf } = plan(targets, total);
    const failing = (c: FakeSlackCall) =>
      c.method.startsWith('chat.') && (o.failingChannel === undefined || c.body.channel === o.failingChannel);
    const outageStart = Date.now();
    const end = t.fakeSlack.failWhile(failing, o.failure);
    const outageOver = new Promise<number>((resolve) =>
      setTimeout(() => {
        end();
        resolve(Date.now());
      }, o.outageMs),
    );
    const sender = await sendUntilAcked(deliveries, {
      target: () => t.url,
      intervalMs: 1000 / o.webhooksPerSecond,
      maxInFlight: 16,
      timeoutMs: 5000,
    });
    const outageEnd = await outageOver;
    await waitFor(() => auditDeliveries(t.fakeSlack, sent).missing === 0, o.drainTimeoutMs).catch(
      () => undefined,
    );
    const recoveryMs = Date.now() - outageEnd;
    const during = t.fakeSlack.calls.filter(
      (c) => c.method.startsWith('chat.') && c.at >= outageStart && c.at < outageEnd,
    );
    const others =
      o.failingChannel === undefined
        ? undefined
        : otherChannels(t, sender, channelOf, o.failingChannel, outageEnd);
    return {
      sender,
      audit: auditDeliveries(t.fakeSlack, sent),
      callsDuringOutage: during.length,
      maxCallsPerSecond: maxPerSecond(during),
      recoveryMs,
      otherChannelsP99Ms: others?.p99,
      otherChannelsHeldUp: others?.heldUp ?? 0,
      logSecretsFound: secretsIn(t.logs.join('\n'), [
        TEST_BOT_TOKEN,
        TEST_SIGNING_SECRET,
        TEST_SOTA_TOKEN,
        ...targets.map((x) => x.secret),
      ]).length,
    };
  } finally {
    await t.stop();
  }
}

/** For the working channels: ack → first post latency, and posts held up past the outage. */
function otherChannels(
  t: TestApp,
  sender: SenderStats,
  channelOf: Map<Delivery, string>,
  failing: string,
  outageEnd: number,
) {
  const latencies: number[] = [];
  let heldUp = 0;
  for (const [delivery, ackedAt] of sender.ackedAt) {
    const channel = channelOf.get(delivery)!;
    if (channel === failing || ackedAt > outageEnd - 5000 || !delivery.body.includes('deploy.started'))
      continue;
    const deploymentId = (JSON.parse(delivery.body) as { deployment_id: string }).deployment_id;
    const posted = t.fakeSlack
      .callsTo('chat.postMessage')
      .find(
        (c) =>
          c.result === 'ok' &&
          c.body.channel === channel &&
          JSON.stringify(c.body.metadata ?? '').includes(deploymentId),
      );
    if (!posted || posted.at > outageEnd) heldUp += 1;
    else latencies.push(Math.max(0, posted.at - ackedAt));
  }
  return { p99: percentile(latencies, 99), heldUp };
}
