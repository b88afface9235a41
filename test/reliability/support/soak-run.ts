/**
 * The soak: the app as a child process with production worker settings, webhooks at a steady rate
 * for a few minutes, 1 % of Slack calls failing (HTTP 500 or 503). The app samples its own heap
 * (after a full GC) and open handles; the drill audits what reached Slack.
 */
import { randomUUID } from 'node:crypto';
import { startFakeSlack } from '../../fakes/fake-slack.js';
import { startFakeSota } from '../../fakes/fake-sota.js';
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
  TEST_TEAM,
  waitFor,
} from '../../helpers/test-app.js';
import { deployEvent } from '../../scale/cluster.js';
import { type AppChild, spawnAppChild } from './app-child.js';
import { type Audit, auditDeliveries, type SentDeployment } from './delivery-audit.js';
import { childEnvFor, subscribeAll } from './drill-setup.js';
import { createTestStorage } from './test-stores.js';
import { type Delivery, type SenderStats, sendUntilAcked } from './webhook-sender.js';

export interface SoakOptions {
  durationMs: number;
  webhooksPerSecond: number;
  channels: number;
  errorRate: number;
  sampleMs: number;
  drainTimeoutMs: number;
}

export interface Sample {
  at: number;
  heapUsed: number;
  rss: number;
  handles: number;
  resources: number;
}

export interface SoakResult {
  sender: SenderStats;
  audit: Audit;
  samples: Sample[];
  injectedErrors: number;
  slackCalls: number;
  drainMs: number;
  logLines: string[];
  /** Every secret and token of the run, for log scans. */
  secrets: string[];
}

function plan(projects: Awaited<ReturnType<typeof subscribeAll>>, webhooks: number) {
  const sent: SentDeployment[] = [];
  const deliveries: Delivery[] = [];
  for (let d = 0; d < webhooks / 2; d++) {
    const { project, channels, hookId, secret } = projects[d % projects.length]!;
    const deploymentId = randomUUID();
    const final = d % 10 === 9 ? 'deploy.failed' : 'deploy.succeeded';
    const events = [
      deployEvent(project.id, deploymentId, 'deploy.started'),
      deployEvent(project.id, deploymentId, final),
    ];
    sent.push({ projectId: project.id, projectName: project.name, deploymentId, events, channels });
    for (const e of events) deliveries.push({ hookId, secret, body: e.body });
  }
  return { sent, deliveries };
}

export function parseSamples(lines: readonly string[]): Sample[] {
  return lines
    .filter((l) => l.startsWith('SAMPLE '))
    .map((l) => JSON.parse(l.slice('SAMPLE '.length)) as Sample);
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const fakeSlack = await startFakeSlack({
    tokens: { [TEST_BOT_TOKEN]: { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
  });
  const fakeSota = await startFakeSota({ tokens: [TEST_SOTA_TOKEN] });
  const storage = await createTestStorage('sqlite');
  let child: AppChild | undefined;
  try {
    const projects = await subscribeAll(
      { projects: o.channels, channelsPerProject: 1 },
      fakeSlack,
      fakeSota,
      storage,
    );
    const { sent, deliveries } = plan(projects, Math.round((o.webhooksPerSecond * o.durationMs) / 2000) * 2);
    const chat = (c: { method: string }) => c.method.startsWith('chat.');
    fakeSlack.failWhile((c) => chat(c) && Math.random() < o.errorRate / 2, { status: 500 });
    fakeSlack.failWhile((c) => chat(c) && Math.random() < o.errorRate / 2, { status: 503 });
    const logLines: string[] = [];
    const env = {
      ...childEnvFor(storage, fakeSlack, fakeSota, {}),
      RELIABILITY_SAMPLE_MS: String(o.sampleMs),
    };
    child = await spawnAppChild(env, logLines, ['--expose-gc']);
    const url = child.url;
    const sender = await sendUntilAcked(deliveries, {
      target: () => url,
      intervalMs: 1000 / o.webhooksPerSecond,
      maxInFlight: 16,
      timeoutMs: 5000,
    });
    const drainFrom = Date.now();
    await waitFor(() => auditDeliveries(fakeSlack, sent).missing === 0, o.drainTimeoutMs).catch(
      () => undefined,
    );
    const drainMs = Date.now() - drainFrom;
    await child.stop();
    child = undefined;
    const samples = parseSamples(logLines).filter((s) => s.at <= sender.finishedAt);
    const injectedErrors = fakeSlack.calls.filter(
      (c) => c.result === 'http_500' || c.result === 'http_503',
    ).length;
    return {
      sender,
      audit: auditDeliveries(fakeSlack, sent),
      samples,
      injectedErrors,
      slackCalls: fakeSlack.calls.filter(chat).length,
      drainMs,
      logLines,
      secrets: [
        TEST_BOT_TOKEN,
        TEST_SIGNING_SECRET,
        TEST_SOTA_TOKEN,
        ...fakeSota.webhooks.map((w) => w.secret),
      ],
    };
  } finally {
    await child?.kill();
    await fakeSlack.close();
    await fakeSota.close();
    await storage.drop();
  }
}
