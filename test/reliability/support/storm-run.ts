/**
 * A 429 storm against one workspace of two: workspace A's chat.* calls are answered 429 with
 * Retry-After — every other call, then every call — while webhooks for both workspaces keep
 * arriving. Measures early calls to A, B's delivery latency before and during the storm, and loss.
 */
import { randomUUID } from 'node:crypto';
import type { FakeSlackCall } from '../../fakes/fake-slack.js';
import { TEST_SIGNING_SECRET, waitFor } from '../../helpers/test-app.js';
import { deployEvent } from '../../scale/cluster.js';
import { type Audit, auditDeliveries, type SentDeployment } from './delivery-audit.js';
import { percentile } from './figures.js';
import { secretsIn } from './leak-checks.js';
import {
  CLIENT_SECRET,
  STATE_SECRET,
  startTenants,
  type Tenants,
  WORKSPACE_A,
  WORKSPACE_B,
  type Workspace,
} from './two-workspaces.js';
import { type Delivery, type SenderStats, sendUntilAcked } from './webhook-sender.js';

export interface StormOptions {
  retryAfterSeconds: number;
  /** How long every other call is refused. */
  halfMs: number;
  /** Then how long every call is refused. */
  allMs: number;
  webhooksPerSecond: number;
  drainTimeoutMs: number;
}

export interface StormResult {
  sender: SenderStats;
  audit: Audit;
  rateLimitedAnswers: number;
  earlyCalls: number;
  callsToA: number;
  bBaselineP99Ms: number;
  bStormP99Ms: number;
  bRateLimited: number;
  drainMs: number;
  /** Secrets and tokens found in the app's log lines. */
  logSecretsFound: number;
}

interface Sent {
  ws: Workspace;
  channel: string;
  deploymentId: string;
  delivery: Delivery;
}

async function setup(): Promise<{
  x: Tenants;
  hooks: Map<Workspace, { hookId: string; secret: string; projectId: string }>;
}> {
  const x = await startTenants({ start: { worker: { pollIntervalMs: 50, channelPaceMs: 1000 } } });
  const hooks = new Map<Workspace, { hookId: string; secret: string; projectId: string }>();
  for (const ws of [WORKSPACE_A, WORKSPACE_B]) {
    const project = x.t.fakeSota.addProject({ name: `svc-${ws.name.toLowerCase()}` });
    await x.install(ws);
    await x.connect(ws);
    await x.subscribe(ws, project.slug);
    const hook = (await x.t.store.findHook(ws.teamId, project.id))!;
    hooks.set(ws, { hookId: hook.id, secret: hook.secret, projectId: project.id });
  }
  return { x, hooks };
}

function plan(
  hooks: Map<Workspace, { hookId: string; secret: string; projectId: string }>,
  webhooks: number,
) {
  const sent: SentDeployment[] = [];
  const items: Sent[] = [];
  for (let d = 0; d < webhooks / 2; d++) {
    const ws = d % 2 === 0 ? WORKSPACE_A : WORKSPACE_B;
    const hook = hooks.get(ws)!;
    const deploymentId = randomUUID();
    const events = [
      deployEvent(hook.projectId, deploymentId, 'deploy.started'),
      deployEvent(hook.projectId, deploymentId, 'deploy.succeeded'),
    ];
    sent.push({
      projectId: hook.projectId,
      projectName: `svc-${ws.name.toLowerCase()}`,
      deploymentId,
      events,
      channels: [ws.channelId],
    });
    for (const e of events)
      items.push({
        ws,
        channel: ws.channelId,
        deploymentId,
        delivery: { hookId: hook.hookId, secret: hook.secret, body: e.body },
      });
  }
  return { sent, items };
}

/** B's ack → post latency for deployments whose first webhook was acknowledged inside [from, to). */
function bLatencies(x: Tenants, items: Sent[], sender: SenderStats, from: number, to: number): number[] {
  const out: number[] = [];
  for (const item of items) {
    const acked = sender.ackedAt.get(item.delivery);
    if (
      item.ws !== WORKSPACE_B ||
      !acked ||
      acked < from ||
      acked >= to ||
      !item.delivery.body.includes('deploy.started')
    )
      continue;
    const post = x.fakeSlack
      .callsTo('chat.postMessage')
      .find((c) => c.result === 'ok' && JSON.stringify(c.body.metadata ?? '').includes(item.deploymentId));
    if (post) out.push(Math.max(0, post.at - acked));
  }
  return out;
}

export async function runStorm(o: StormOptions): Promise<StormResult> {
  const { x, hooks } = await setup();
  try {
    const baselineMs = 5000;
    const total = 2 * Math.round((o.webhooksPerSecond * (baselineMs + o.halfMs + o.allMs + 3000)) / 2000);
    const { sent, items } = plan(hooks, total);
    const isA = (c: FakeSlackCall) => c.method.startsWith('chat.') && c.teamId === WORKSPACE_A.teamId;
    let toggle = 0;
    const t0 = Date.now();
    const phases = (async () => {
      await new Promise((r) => setTimeout(r, baselineMs));
      const stormFrom = Date.now();
      const endHalf = x.fakeSlack.failWhile((c) => isA(c) && toggle++ % 2 === 0, {
        rateLimit: o.retryAfterSeconds,
      });
      await new Promise((r) => setTimeout(r, o.halfMs));
      endHalf();
      const endAll = x.fakeSlack.failWhile(isA, { rateLimit: o.retryAfterSeconds });
      await new Promise((r) => setTimeout(r, o.allMs));
      endAll();
      return { stormFrom, stormTo: Date.now() };
    })();
    const sender = await sendUntilAcked(
      items.map((i) => i.delivery),
      { target: () => x.t.url, intervalMs: 1000 / o.webhooksPerSecond, maxInFlight: 16, timeoutMs: 5000 },
    );
    const { stormFrom, stormTo } = await phases;
    await waitFor(() => auditDeliveries(x.fakeSlack, sent).missing === 0, o.drainTimeoutMs).catch(
      () => undefined,
    );
    const drainMs = Date.now() - stormTo;
    const limited = x.fakeSlack.calls.filter((c) => c.result === 'rate_limited');
    return {
      sender,
      audit: auditDeliveries(x.fakeSlack, sent),
      rateLimitedAnswers: limited.filter((c) => c.teamId === WORKSPACE_A.teamId).length,
      earlyCalls: x.fakeSlack.earlyCalls.length,
      callsToA: x.fakeSlack.calls.filter(isA).length,
      bBaselineP99Ms: percentile(bLatencies(x, items, sender, t0, stormFrom), 99),
      bStormP99Ms: percentile(bLatencies(x, items, sender, stormFrom, stormTo), 99),
      bRateLimited: limited.filter((c) => c.teamId === WORKSPACE_B.teamId).length,
      drainMs,
      logSecretsFound: secretsIn(x.t.logs.join('\n'), tenantSecrets(hooks)).length,
    };
  } finally {
    await x.stop();
  }
}

function tenantSecrets(hooks: Map<Workspace, { secret: string }>): string[] {
  const workspaces = [WORKSPACE_A, WORKSPACE_B].flatMap((ws) => [ws.botToken, ws.apiKey]);
  return [
    ...workspaces,
    ...[...hooks.values()].map((h) => h.secret),
    CLIENT_SECRET,
    STATE_SECRET,
    TEST_SIGNING_SECRET,
  ];
}
