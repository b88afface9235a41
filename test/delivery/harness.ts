/**
 * Builds the delivery worker from real parts for one test: a SQLite store file in a fresh temp dir, the
 * fake Slack server, the real WebClient through the client factory, and a logger that keeps its lines.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSecretBox, type SecretBox } from '../../src/crypto/secret-box.js';
import { createSlackClientFactory } from '../../src/delivery/slack-client.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerDeps,
} from '../../src/delivery/worker.js';
import { createLogger } from '../../src/log/logger.js';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import type { KnownEvent } from '../../src/sota/event.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { IngestResult, Store } from '../../src/store/types.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../fakes/fake-slack.js';

export const TEAM = 'T0DELIVERY';
export const TOKEN = 'xoxb-delivery-test-token';

export type WorkerOptions = Partial<Omit<DeliveryWorkerDeps, 'store' | 'metrics' | 'logger' | 'clientFor'>>;

export interface HarnessOptions {
  slack?: FakeSlackOptions;
  worker?: WorkerOptions;
  /** Slack client request timeout (default 5000 ms). */
  slackTimeoutMs?: number;
}

export interface Harness {
  dir: string;
  dbPath: string;
  secretBox: SecretBox;
  store: Store;
  slack: FakeSlack;
  metrics: Metrics;
  logs: string[];
  worker: DeliveryWorker;
  /** A new worker (own metrics) on the given store, stopped with the harness. */
  makeWorker(store: Store, options?: WorkerOptions): DeliveryWorker;
  /** Opens another store on the same file, closed with the harness. */
  openStore(): Promise<Store>;
  subscribe(channelId: string, projectId: string, events?: KnownEvent[]): Promise<string>;
  ingest(input: IngestInput): Promise<IngestResult>;
  cleanup(): Promise<void>;
}

export interface IngestInput {
  channelProject: { hookId: string; projectId: string };
  deploymentId: string;
  event: KnownEvent;
  occurredAt: string;
  data?: Record<string, unknown>;
  receivedAt?: number;
}

export const ALL_EVENTS: KnownEvent[] = ['deploy.started', 'deploy.succeeded', 'deploy.failed'];

/** Polls until `check` holds (each test has its own overall timeout). */
export async function waitFor(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1500; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sota-delivery-'));
  const dbPath = join(dir, 'sota-slack.db');
  const secretBox = createSecretBox(randomBytes(32));
  const stores: Store[] = [];
  const workers: DeliveryWorker[] = [];
  const openStore = async () => {
    const s = createSqliteStore({ path: dbPath, secretBox });
    await s.migrate();
    stores.push(s);
    return s;
  };
  const store = await openStore();
  const slack = await startFakeSlack({
    tokens: { [TOKEN]: { teamId: TEAM, userId: 'UBOT', botId: 'BBOT' } },
    ...options.slack,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const clientFor = createSlackClientFactory({
    slackApiUrl: slack.apiUrl,
    timeoutMs: options.slackTimeoutMs ?? 5000,
  });
  const hooks = new Map<string, string>();

  const makeWorker = (
    s: Store,
    extra: WorkerOptions = {},
    metrics = createMetrics({ defaultMetrics: false }),
  ) => {
    const w = createDeliveryWorker({
      store: s,
      metrics,
      logger,
      clientFor,
      tokenFor: async (teamId) => (teamId === TEAM ? TOKEN : undefined),
      pollIntervalMs: 20,
      channelPaceMs: 0,
      ...options.worker,
      ...extra,
    });
    workers.push(w);
    return w;
  };
  const metrics = createMetrics({ defaultMetrics: false });
  const worker = makeWorker(store, {}, metrics);

  async function hookFor(projectId: string): Promise<string> {
    const known = hooks.get(projectId);
    if (known) return known;
    const id = `hook-${randomUUID().slice(0, 8)}`;
    await store.insertHook({
      id,
      teamId: TEAM,
      projectId,
      projectName: 'my-app',
      projectSlug: 'my-app',
      sotaWebhookId: `wh-${id}`,
      secret: `whsec_${randomBytes(16).toString('hex')}`,
    });
    hooks.set(projectId, id);
    return id;
  }

  return {
    dir,
    dbPath,
    secretBox,
    store,
    slack,
    metrics,
    logs,
    worker,
    makeWorker: (s, extra) => makeWorker(s, extra),
    openStore,
    async subscribe(channelId, projectId, events = ALL_EVENTS) {
      const hookId = await hookFor(projectId);
      await store.upsertSubscription({ teamId: TEAM, channelId, projectId, hookId, events, createdBy: 'U1' });
      return hookId;
    },
    ingest(input) {
      const { hookId, projectId } = input.channelProject;
      const payload = {
        event: input.event,
        project_id: projectId,
        deployment_id: input.deploymentId,
        timestamp: input.occurredAt,
        data: input.data ?? {},
      };
      return store.ingestEvent({
        hookId,
        projectId,
        deploymentId: input.deploymentId,
        event: input.event,
        occurredAt: input.occurredAt,
        receivedAt: input.receivedAt ?? Date.now(),
        payload: JSON.stringify(payload),
        disposition: 'deliver',
      });
    },
    async cleanup() {
      await slack.close();
      for (const w of workers) await w.stop();
      for (const s of stores) await s.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
