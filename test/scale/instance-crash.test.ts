import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../src/sota/signature.js';
import { waitFor } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from '../slack/slack-test-kit.js';
import { type ChildInstance, spawnInstance } from './child-instance.js';
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

const CHANNELS = ['C1', 'C2', 'C3'];

async function postWebhook(baseUrl: string, hookId: string, secret: string, body: string): Promise<number> {
  const res = await fetch(`${baseUrl}/webhooks/sota/${hookId}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-sota-signature': signSotaPayload(secret, body) },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';

  describe('an instance that dies while holding leases', () => {
    let cluster: Cluster;
    let child: ChildInstance | undefined;
    beforeEach(async () => {
      cluster = await createCluster(url);
    });
    afterEach(async () => {
      await child?.kill();
      await cluster.stop();
    });

    it('leaves its work to another instance, which posts each message exactly once', async () => {
      const survivor = await cluster.start({ startWorker: false });
      const project = cluster.fakeSota.addProject({ name: 'web' });
      for (const channelId of CHANNELS) await runCommand(survivor, 'subscribe web', { channelId });
      const [webhook] = cluster.fakeSota.webhooks;
      const hookId = hookIdOf(webhook!.url);
      const send = (base: string, e: SentEvent) => postWebhook(base, hookId, webhook!.secret, e.body);

      child = await spawnInstance({
        ...cluster.processEnv(),
        SCALE_WORKER_ID: 'doomed',
        SCALE_WORKER: JSON.stringify({ leaseMs: 1500, pollIntervalMs: 50, channelPaceMs: 0 }),
      });
      const endHang = cluster.fakeSlack.failWhile('chat.postMessage', { hang: true });
      const [d1, d2] = [randomUUID(), randomUUID()];
      const sent: Record<string, SentEvent[]> = {
        [d1]: [deployEvent(project.id, d1, 'deploy.started')],
        [d2]: [deployEvent(project.id, d2, 'deploy.started')],
      };
      expect(await send(child.url, sent[d1]![0]!)).toBe(202);
      expect(await send(child.url, sent[d2]![0]!)).toBe(202);
      const hungChannels = () =>
        new Set(cluster.fakeSlack.calls.filter((c) => c.result === 'hang').map((c) => c.body.channel)).size;
      await waitFor(() => hungChannels() === CHANNELS.length, 20_000);

      await child.kill();
      endHang();
      const succeeded = deployEvent(project.id, d1, 'deploy.succeeded');
      sent[d1]!.push(succeeded);
      expect(await send(survivor.url, succeeded)).toBe(202);
      survivor.app.worker.start();

      await waitFor(async () => (await survivor.store.queueStats(Date.now())).depth === 0, 20_000);
      for (const channelId of CHANNELS) {
        const messages = cluster.fakeSlack.messagesIn(channelId);
        expect(messages.map(deploymentOf).sort()).toEqual([d1, d2].sort());
        for (const message of messages) {
          const deploymentId = deploymentOf(message)!;
          const meta = { projectId: project.id, projectName: 'web', deploymentId };
          expect(withoutUsual(message)).toEqual(expectedMessage(meta, sent[deploymentId]!));
        }
      }
      const answered = cluster.fakeSlack.callsTo('chat.postMessage').filter((c) => c.result === 'ok');
      expect(answered.filter((c) => c.body.thread_ts === undefined)).toHaveLength(2 * CHANNELS.length);
    });
  });
});
