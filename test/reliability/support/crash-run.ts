/**
 * The crash drill: a burst of signed webhooks while Slack is slow, the app (a child process) killed
 * with SIGKILL at random moments and restarted on the same store, every unacknowledged webhook sent
 * again; then wait for the queue to drain and audit what reached Slack.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/config/load-config.js';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack.js';
import { type FakeSota, startFakeSota } from '../../fakes/fake-sota.js';
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
import { createTestStorage, type StoreKind, type TestStorage } from './test-stores.js';
import { type Delivery, type SenderStats, sendUntilAcked } from './webhook-sender.js';

export interface CrashOptions {
  store: StoreKind;
  pgUrl?: string;
  deployments: number;
  projects: number;
  channelsPerProject: number;
  kills: number;
  /** Each kill comes this long (uniformly random, ms) after the instance became ready. */
  killAfterMs: [number, number];
  slackDelayMs: number;
  sendIntervalMs: number;
  drainTimeoutMs: number;
  /** SIGKILL (default) ends the process at once; SIGTERM lets it stop gracefully. */
  signal?: 'SIGKILL' | 'SIGTERM';
}

export interface CrashResult {
  sender: SenderStats;
  audit: Audit;
  kills: number;
  restartMs: number[];
  drainMs: number;
  /** Slack calls the app started and never saw the end of (the process died during the call). */
  cutSlackCalls: number;
  queueDepthAfter: number;
  storedEvents: number;
  logLines: string[];
  /** Every secret and token of the run, for log scans. */
  secrets: string[];
}

interface Fixture {
  fakeSlack: FakeSlack;
  fakeSota: FakeSota;
  storage: TestStorage;
  sent: SentDeployment[];
  deliveries: Delivery[];
  childEnv: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function prepare(o: CrashOptions): Promise<Fixture> {
  const fakeSlack = await startFakeSlack({
    tokens: { [TEST_BOT_TOKEN]: { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
  });
  const fakeSota = await startFakeSota({ tokens: [TEST_SOTA_TOKEN] });
  const storage = await createTestStorage(o.store, o.pgUrl);
  const projects = await subscribeAll(o, fakeSlack, fakeSota, storage);
  const sent: SentDeployment[] = [];
  const deliveries: Delivery[] = [];
  for (let d = 0; d < o.deployments; d++) {
    const { project, channels, hookId, secret } = projects[d % projects.length]!;
    const deploymentId = randomUUID();
    const final = Math.random() < 0.8 ? 'deploy.succeeded' : 'deploy.failed';
    const events = [
      deployEvent(project.id, deploymentId, 'deploy.started'),
      deployEvent(project.id, deploymentId, final),
    ];
    sent.push({ projectId: project.id, projectName: project.name, deploymentId, events, channels });
    for (const e of events) deliveries.push({ hookId, secret, body: e.body });
  }
  fakeSlack.failWhile((c) => c.method.startsWith('chat.'), { delayMs: o.slackDelayMs });
  const worker = { leaseMs: 3000, pollIntervalMs: 50, concurrency: 8, channelPaceMs: 0 };
  const childEnv = childEnvFor(storage, fakeSlack, fakeSota, worker);
  return { fakeSlack, fakeSota, storage, sent, deliveries: shuffle(deliveries), childEnv };
}

/** Kills and restarts the instance `kills` times; `current` is undefined while none is up. */
async function killLoop(o: CrashOptions, f: Fixture, box: { current?: AppChild }, logs: string[]) {
  const restartMs: number[] = [];
  for (let i = 0; i < o.kills; i++) {
    await sleep(between(o.killAfterMs));
    const victim = box.current;
    box.current = undefined;
    await (o.signal === 'SIGTERM' ? victim?.stop() : victim?.kill());
    const next = await spawnAppChild(f.childEnv, logs);
    restartMs.push(next.startMs);
    box.current = next;
  }
  return restartMs;
}

export async function runCrash(o: CrashOptions): Promise<CrashResult> {
  const f = await prepare(o);
  const logs: string[] = [];
  const box: { current?: AppChild } = { current: await spawnAppChild(f.childEnv, logs) };
  try {
    const sending = sendUntilAcked(f.deliveries, {
      target: () => box.current?.url,
      intervalMs: o.sendIntervalMs,
      maxInFlight: 32,
      timeoutMs: 5000,
    });
    const [sender, restartMs] = await Promise.all([sending, killLoop(o, f, box, logs)]);
    const drainFrom = Date.now();
    await waitFor(() => auditDeliveries(f.fakeSlack, f.sent).missing === 0, o.drainTimeoutMs).catch(
      () => undefined,
    );
    const drainMs = Date.now() - drainFrom;
    const audit = auditDeliveries(f.fakeSlack, f.sent);
    await box.current?.stop();
    box.current = undefined;
    const store = await f.storage.open(loadConfig(f.childEnv));
    const [stats, storedEvents] = [await store.queueStats(Date.now()), await store.countEvents()];
    await store.close();
    const cutSlackCalls = f.fakeSlack.calls.filter((c) => c.abortedAt !== undefined).length;
    return {
      sender,
      audit,
      kills: o.kills,
      restartMs,
      drainMs,
      cutSlackCalls,
      queueDepthAfter: stats.depth,
      storedEvents,
      logLines: logs,
      secrets: [
        TEST_BOT_TOKEN,
        TEST_SIGNING_SECRET,
        TEST_SOTA_TOKEN,
        ...f.fakeSota.webhooks.map((w) => w.secret),
      ],
    };
  } finally {
    await box.current?.kill();
    await f.fakeSlack.close();
    await f.fakeSota.close();
    await f.storage.drop();
  }
}
