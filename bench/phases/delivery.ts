import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlack } from '../../test/fakes/fake-slack.js';
import type { AppBuild } from '../app/app-build.js';
import { startAppProcess } from '../app/app-process.js';
import { benchAppEnv } from '../app/bench-app-env.js';
import { startBenchSlack } from '../app/bench-slack.js';
import { type SeededChannel, seedStore } from '../app/seed-store.js';
import { runLoad } from '../load/load-generator.js';
import { onceEach } from '../load/webhook-requests.js';
import { waitFor200 } from '../support/http-get.js';
import type { ServerProcess } from '../support/server-process.js';
import { type Summary, summarize } from '../support/stats.js';
import { allFinal, auditDelivery, type DeliveryAudit, deploymentOf } from './delivery-check.js';
import {
  type DeliveryShape,
  eventRequest,
  lifecycleRequests,
  planDeployments,
  planWorkspaces,
  slackIdentities,
} from './delivery-plan.js';
import { type BulkTiming, timeBulk } from './delivery-timing.js';

export interface DeliverySettings extends DeliveryShape {
  channelRateLimit: { perSecond: number; burst: number };
  slackLatencyMs: number;
  connections: number;
  /** Give up waiting for the last message after this long. */
  timeoutMs: number;
  /** A database to use instead of a new SQLite file (a fresh PostgreSQL schema). */
  databaseUrl?: string;
  /** App processes sharing the store; webhooks go to them in turn (default 1). */
  instances?: number;
}

export interface DeliveryResults {
  settings: DeliverySettings;
  /** Webhook sent → first Slack call for it, one event per channel, nothing limited. */
  latencyMs: Summary;
  bulk: BulkTiming & DeliveryAudit & { events: number; non2xx: number; earlyCalls: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** One deploy.started per channel, 20 ms apart; latency = the first Slack call for it − sending it. */
async function measureLatency(app: ServerProcess, slack: FakeSlack, channels: SeededChannel[]) {
  const sentAt = new Map<string, number>();
  for (const d of planDeployments(channels, 1)) {
    const request = eventRequest(d, 'deploy.started');
    sentAt.set(d.deploymentId, Date.now());
    await runLoad({
      host: '127.0.0.1',
      port: app.port,
      connections: 1,
      warmupMs: 0,
      next: onceEach([request]).next,
    });
    await sleep(20);
  }
  const firstCall = new Map<string, number>();
  await until(() => {
    for (const c of slack.calls) {
      const id = deploymentOf(c.body);
      if (c.result === 'ok' && id && sentAt.has(id) && !firstCall.has(id)) firstCall.set(id, c.at);
    }
    return firstCall.size === sentAt.size;
  }, 20_000);
  return summarize([...firstCall].map(([id, at]) => at - sentAt.get(id)!));
}

async function runBulk(
  apps: ServerProcess[],
  slack: FakeSlack,
  channels: SeededChannel[],
  s: DeliverySettings,
) {
  const deployments = planDeployments(channels, s.deploymentsPerChannel);
  const planned = new Map<string, string[]>();
  for (const d of deployments)
    planned.set(d.channel.channelId, [...(planned.get(d.channel.channelId) ?? []), d.deploymentId]);
  const requests = lifecycleRequests(deployments);
  const startedAt = Date.now();
  const load = await runLoad({
    host: '127.0.0.1',
    port: apps[0]!.port,
    ports: apps.map((a) => a.port),
    connections: s.connections,
    warmupMs: 0,
    next: onceEach(requests).next,
  });
  const finished = await until(() => allFinal(slack, planned), s.timeoutMs - (Date.now() - startedAt));
  await sleep(2000); // anything late (a duplicate, a stray reply) arrives now
  const audit = auditDelivery(slack, planned);
  const timing = timeBulk(slack, startedAt, {
    ...s,
    finished,
    finalCount: audit.final,
    planned: deployments.length,
  });
  return {
    ...timing,
    ...audit,
    events: requests.length,
    non2xx: load.non2xx,
    earlyCalls: slack.earlyCalls.length,
  };
}

/**
 * Delivery through the real app in multi-workspace mode into a fake Slack that limits each channel
 * and takes `slackLatencyMs` a call: first the end-to-end latency with nothing limited, then the bulk
 * run (every deployment started, then every one succeeded) timed against what the limits allow.
 */
export async function benchDelivery(build: AppBuild, s: DeliverySettings): Promise<DeliveryResults> {
  const workspaces = planWorkspaces(s);
  const slack = await startBenchSlack({
    tokens: slackIdentities(workspaces),
    channelRateLimit: s.channelRateLimit,
    latencyMs: s.slackLatencyMs,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-'));
  try {
    const env = {
      ...benchAppEnv({ dataDir, slackApiUrl: slack.apiUrl, multi: true }),
      ...(s.databaseUrl ? { DATABASE_URL: s.databaseUrl } : {}),
    };
    const channels = await seedStore(build, env, workspaces);
    const apps: ServerProcess[] = [];
    try {
      for (let i = 0; i < (s.instances ?? 1); i += 1)
        apps.push(await startAppProcess({ build, env, cwd: dataDir }));
      for (const app of apps) await waitFor200(`http://127.0.0.1:${app.port}/readyz`);
      const latencyMs = await measureLatency(apps[0]!, slack, channels);
      await sleep(3500); // every channel's burst allowance back to full
      const bulk = await runBulk(apps, slack, channels, s);
      return { settings: s, latencyMs, bulk };
    } finally {
      await Promise.all(apps.map((a) => a.stop(20_000)));
    }
  } finally {
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
