import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations as storeMigrations } from '../../src/store/migrations.js';
import { type TestApp, waitFor } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from '../slack/slack-test-kit.js';
import {
  type Cluster,
  createCluster,
  deployEvent,
  deploymentOf,
  expectedMessage,
  type SentEvent,
  withoutUsual,
} from './cluster.js';
import { needsPostgres, TEST_DATABASE_URL } from './pg-schema.js';

const DEPLOYMENTS = 12;
const CHANNELS = ['C1', 'C2', 'C3'];

interface Planned {
  deploymentId: string;
  events: SentEvent[];
}

/** Each deployment: started and a final event, each sent twice, to different instances, some final first. */
function planDeployments(projectId: string): Planned[] {
  return Array.from({ length: DEPLOYMENTS }, (_, i) => {
    const deploymentId = randomUUID();
    const started = deployEvent(projectId, deploymentId, 'deploy.started');
    const final = deployEvent(projectId, deploymentId, i % 3 === 2 ? 'deploy.failed' : 'deploy.succeeded');
    return { deploymentId, events: i % 4 === 0 ? [final, started] : [started, final] };
  });
}

async function sendSpread(instances: TestApp[], hookId: string, secret: string, plan: Planned[]) {
  const sends = plan.flatMap((p, i) =>
    p.events.flatMap((e, k) => [
      instances[(i + k) % instances.length]!.sendWebhook(hookId, e.body, secret),
      instances[(i + k + 1) % instances.length]!.sendWebhook(hookId, e.body, secret),
    ]),
  );
  return (await Promise.all(sends)).map((answer) => answer.status);
}

describe('PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';

  describe('several instances on one PostgreSQL database', () => {
    let cluster: Cluster;
    beforeEach(async () => {
      cluster = await createCluster(url);
    });
    afterEach(() => cluster.stop());

    it('three instances started at once: one schema, any instance serves, each message posted once', async () => {
      const instances = await Promise.all([cluster.start(), cluster.start(), cluster.start()]);
      const migrations = await cluster.schema.query('SELECT id, name FROM schema_migrations ORDER BY id');
      expect(migrations).toEqual(storeMigrations.map(({ id, name }) => ({ id, name })));

      const project = cluster.fakeSota.addProject({ name: 'web' });
      for (const [i, channelId] of CHANNELS.entries()) {
        const answer = await runCommand(instances[i]!, 'subscribe web', { channelId });
        expect(answer.response_type).toBe('ephemeral');
      }
      expect(cluster.fakeSota.webhooks).toHaveLength(1);
      const [webhook] = cluster.fakeSota.webhooks;
      const hookId = hookIdOf(webhook!.url);

      const plan = planDeployments(project.id);
      const statuses = await sendSpread(instances, hookId, webhook!.secret, plan);
      expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);

      const store = instances[0]!.store;
      await waitFor(async () => (await store.queueStats(Date.now())).depth === 0, 30_000);
      const expected = new Map(
        plan.map((p) => {
          const meta = { projectId: project.id, projectName: 'web', deploymentId: p.deploymentId };
          return [p.deploymentId, expectedMessage(meta, p.events)];
        }),
      );
      for (const channelId of CHANNELS) {
        const messages = cluster.fakeSlack.messagesIn(channelId);
        expect(messages.map(deploymentOf).sort()).toEqual([...expected.keys()].sort());
        for (const message of messages) {
          const shown = withoutUsual({ text: message.text, blocks: message.blocks });
          expect(shown, channelId).toEqual(expected.get(deploymentOf(message) ?? ''));
          expect(cluster.fakeSlack.threadReplies(channelId, message.ts).length).toBeLessThanOrEqual(1);
        }
      }
      const posts = cluster.fakeSlack
        .callsTo('chat.postMessage')
        .filter((c) => c.body.thread_ts === undefined);
      expect(posts.filter((c) => c.result === 'ok')).toHaveLength(DEPLOYMENTS * CHANNELS.length);
      expect(await store.countEvents()).toBe(DEPLOYMENTS * 2);
    });
  });
});
