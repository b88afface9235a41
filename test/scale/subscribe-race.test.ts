import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_TEAM } from '../helpers/test-app.js';
import { runCommand } from '../slack/slack-test-kit.js';
import { type Cluster, createCluster } from './cluster.js';
import { needsPostgres, TEST_DATABASE_URL } from './pg-schema.js';

describe('PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';

  describe('/sota subscribe on two instances at once', () => {
    let cluster: Cluster;
    beforeEach(async () => {
      cluster = await createCluster(url);
    });
    afterEach(() => cluster.stop());

    it('two instances racing on one database: the loser deletes its extra webhook and uses the winner', async () => {
      const [a, b] = [await cluster.start(), await cluster.start()];
      const sota = cluster.fakeSota;
      const project = sota.addProject({ name: 'web' });
      // The first instance's registration is held at the fake; while it waits, the second instance
      // registers and records its own hook, so the first one's insert then meets the winner.
      sota.failNext('POST /v1/projects/:id/webhooks', { kind: 'delay', ms: 3000 });
      const first = runCommand(a!, 'subscribe web', { channelId: 'C1' });
      await a!.waitFor(() => sota.requests.some((r) => r.method === 'POST'));
      const second = await runCommand(b!, 'subscribe web', { channelId: 'C2' });
      const answered = await first;
      expect([answered.response_type, second.response_type]).toEqual(['ephemeral', 'ephemeral']);
      expect(sota.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
      expect(sota.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
      expect(sota.webhooks).toHaveLength(1);
      const hook = await a!.store.findHook(TEST_TEAM, project.id);
      expect(hook?.sotaWebhookId).toBe(sota.webhooks[0]?.id);
      const subs = await a!.store.listSubscriptions({ teamId: TEST_TEAM });
      expect(subs.map((s) => s.hookId)).toEqual([hook?.id, hook?.id]);
    });
  });
});
