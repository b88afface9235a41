/**
 * Several real app instances on one PostgreSQL schema, as the README's "Running several instances"
 * describes: the same DATABASE_URL and ENCRYPTION_KEY everywhere, one PUBLIC_URL (the load balancer).
 * They share one fake Slack and one fake sota.io, so what reached Slack is seen in one place.
 */
import { randomBytes } from 'node:crypto';
import type { StartOptions } from '../../src/app.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { parseEventRecord, reduceDeployment } from '../../src/sota/deployment-state.js';
import { type FakeSlack, type FakeSlackMessage, startFakeSlack } from '../fakes/fake-slack.js';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_PUBLIC_URL,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
  TEST_TEAM,
  type TestApp,
} from '../helpers/test-app.js';
import { createTestSchema, type TestSchema } from './pg-schema.js';

export interface Cluster {
  schema: TestSchema;
  fakeSlack: FakeSlack;
  fakeSota: FakeSota;
  /** The environment every instance shares. */
  env: Record<string, string>;
  instances: TestApp[];
  /** The whole environment for an instance run as its own process (single-workspace mode). */
  processEnv(): Record<string, string>;
  /** Starts one more instance (its own worker id) on the shared database and fakes. */
  start(options?: { worker?: WorkerTuning; startWorker?: boolean; extra?: StartOptions }): Promise<TestApp>;
  stop(): Promise<void>;
}

export interface WorkerTuning {
  pollIntervalMs?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  concurrency?: number;
  channelPaceMs?: number;
}

export async function createCluster(baseUrl: string): Promise<Cluster> {
  const schema = await createTestSchema(baseUrl);
  const fakeSlack = await startFakeSlack({
    tokens: { [TEST_BOT_TOKEN]: { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
  });
  const fakeSota = await startFakeSota({ tokens: [TEST_SOTA_TOKEN] });
  const env = {
    DATABASE_URL: schema.url,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
  };
  const instances: TestApp[] = [];
  let started = 0;
  const cluster: Cluster = {
    schema,
    fakeSlack,
    fakeSota,
    env,
    instances,
    processEnv: () => ({
      ...env,
      LOG_LEVEL: 'warn',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_API_URL: fakeSlack.apiUrl,
      SOTA_API_URL: fakeSota.url,
      SOTA_API_TOKEN: TEST_SOTA_TOKEN,
      PUBLIC_URL: TEST_PUBLIC_URL,
    }),
    async start({ worker = {}, startWorker = true, extra = {} } = {}) {
      started += 1;
      const workerId = `instance-${started}`;
      const app = await startTestApp({
        env,
        fakeSlack,
        fakeSota,
        start: {
          workerId,
          startWorker,
          worker: { pollIntervalMs: 50, channelPaceMs: 0, ...worker },
          ...extra,
        },
      });
      instances.push(app);
      return app;
    },
    async stop() {
      for (const app of instances) await app.stop();
      await fakeSlack.close();
      await fakeSota.close();
      await schema.drop();
    },
  };
  return cluster;
}

export interface SentEvent {
  event: 'deploy.started' | 'deploy.succeeded' | 'deploy.failed';
  body: string;
}

/** A sota.io event body as sota.io would sign and send it. */
export function deployEvent(projectId: string, deploymentId: string, event: SentEvent['event']): SentEvent {
  const data = event === 'deploy.failed' ? { status: 'failed', error_message: 'build failed' } : {};
  const body = JSON.stringify({
    event,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: new Date().toISOString(),
    data:
      event === 'deploy.succeeded'
        ? { url: `https://${deploymentId}.example.test`, status: 'running' }
        : data,
  });
  return { event, body };
}

/** The message a channel must end up showing for these events (the product's own reducer and renderer). */
export function expectedMessage(
  meta: { projectId: string; projectName: string; deploymentId: string },
  sent: SentEvent[],
): { text: unknown; blocks: unknown } {
  const records = sent.map((s, i) => {
    const record = parseEventRecord({ event: s.event, occurredAt: '', payload: s.body });
    if (!record) throw new Error(`event ${i} does not parse`);
    return record;
  });
  const view = reduceDeployment(meta, records);
  if (!view) throw new Error('nothing to show for these events');
  const msg = renderDeployMessage(view);
  return JSON.parse(JSON.stringify({ text: msg.text, blocks: msg.blocks }));
}

/**
 * A shown message without the project's usual duration: which earlier deployments it was the median
 * of depends on when each message was last rendered, which several instances do in any order.
 */
export function withoutUsual(message: { text?: unknown; blocks?: unknown }): unknown {
  const json = JSON.stringify({ text: message.text, blocks: message.blocks });
  return JSON.parse(json.replace(/ \(usual [^)]*\)( · 🐢 slower than usual)?/g, ''));
}

/** The deployment a top-level message is about, from the metadata the app attaches when posting. */
export function deploymentOf(message: FakeSlackMessage): string | undefined {
  const meta = message.metadata as { event_payload?: { deployment_id?: string } } | undefined;
  return meta?.event_payload?.deployment_id;
}
