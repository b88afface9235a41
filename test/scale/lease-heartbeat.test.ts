import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from '../slack/slack-test-kit.js';
import { type Cluster, createCluster, deployEvent } from './cluster.js';
import { needsPostgres, TEST_DATABASE_URL } from './pg-schema.js';

const LEASE_MS = 1500;

describe('PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';

  describe('a short lease renewed while the job runs', () => {
    let cluster: Cluster;
    beforeEach(async () => {
      cluster = await createCluster(url);
    });
    afterEach(() => cluster.stop());

    it('keeps a Slack call that outlasts several leases to its instance: no other instance runs the job', async () => {
      const busy = await cluster.start({ startWorker: false, worker: { leaseMs: LEASE_MS } });
      const other = await cluster.start({ startWorker: false, worker: { leaseMs: LEASE_MS } });
      const project = cluster.fakeSota.addProject({ name: 'web' });
      await runCommand(busy, 'subscribe web', { channelId: 'C1' });
      const [webhook] = cluster.fakeSota.webhooks;
      let answerSlack = () => {};
      const gate = new Promise<void>((resolve) => {
        answerSlack = resolve;
      });
      cluster.fakeSlack.failNext('chat.postMessage', { gate });
      const started = deployEvent(project.id, randomUUID(), 'deploy.started');
      expect((await busy.sendWebhook(hookIdOf(webhook!.url), started.body, webhook!.secret)).status).toBe(
        202,
      );

      busy.app.worker.start();
      await waitFor(() => cluster.fakeSlack.callsTo('chat.postMessage').length === 1, 20_000);
      other.app.worker.start();
      await sleep(3 * LEASE_MS);
      expect(cluster.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);

      answerSlack();
      await waitFor(async () => (await busy.store.queueStats(Date.now())).depth === 0, 20_000);
      expect(cluster.fakeSlack.messagesIn('C1')).toHaveLength(1);
      expect(cluster.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    });
  });
});
