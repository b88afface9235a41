import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxErrorCode } from '../../src/crypto/secret-box.js';
import { runMigrations } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations.js';
import { openPostgresEngine } from '../../src/store/postgres/postgres-store.js';
import type { DeliveryJob, Store } from '../../src/store/types.js';
import { makePgHarness, type PgHarness } from '../scale/pg-harness.js';
import { createTestSchema, needsPostgres, TEST_DATABASE_URL } from '../scale/pg-schema.js';
import { eventFor, hookWithChannels, T0 } from './contract/fixtures.js';
import { installation } from './contract/workspaces-contract.js';
import { runStoreContract } from './contract.js';

const LEASE = 30_000;

describe('PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';
  runStoreContract('postgres', (box) => makePgHarness(url, box));

  describe('postgres store: migrations', () => {
    it('applies each migration exactly once when four instances migrate one schema at once', async () => {
      const schema = await createTestSchema(url);
      const engines = Array.from({ length: 4 }, () => openPostgresEngine({ url: schema.url }));
      try {
        const applied = await Promise.all(engines.map((engine) => runMigrations(engine)));
        expect(applied.flat().sort()).toEqual(migrations.map((m) => m.id));
        expect(await runMigrations(engines[0]!)).toEqual([]);
        const rows = await schema.query('SELECT id, name FROM schema_migrations ORDER BY id');
        expect(rows).toEqual(migrations.map(({ id, name }) => ({ id, name })));
      } finally {
        for (const engine of engines) await engine.close();
        await schema.drop();
      }
    });
  });

  describe('postgres store: several instances on one database', () => {
    let h: PgHarness;
    let key: Buffer;
    let others: Store[];
    beforeEach(async () => {
      key = randomBytes(32);
      h = await makePgHarness(url, createSecretBox(key));
      others = [await h.open(createSecretBox(key)), await h.open(createSecretBox(key))];
    });
    afterEach(() => h.cleanup());

    it('stores one event and queues one job when 20 identical deliveries reach two instances', async () => {
      const hook = await hookWithChannels(h.store, ['C1']);
      const event = eventFor(hook);
      const stores = [h.store, others[0]!];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % 2]!.ingestEvent(event)),
      );
      expect(results.filter((r) => !r.duplicate)).toEqual([{ duplicate: false, enqueued: 1 }]);
      expect(await h.store.countEvents()).toBe(1);
      const [job] = await others[1]!.claimJobs('w1', T0, LEASE, 10);
      expect(job).toMatchObject({ deploymentId: event.deploymentId, version: 1 });
    });

    it("takes over a crashed instance's job once its lease expires, and ignores the old owner", async () => {
      const hook = await hookWithChannels(h.store, ['C1']);
      await h.store.ingestEvent(eventFor(hook));
      const [job] = await h.store.claimJobs('crashed', T0, 50, 10);
      expect(job?.leaseUntil).toBe(T0 + 50);
      expect(await others[0]!.claimJobs('survivor', T0 + 50, LEASE, 10)).toEqual([]);
      const [taken] = await others[0]!.claimJobs('survivor', T0 + 51, LEASE, 10);
      expect(taken).toMatchObject({ leaseOwner: 'survivor', deploymentId: job!.deploymentId });
      await h.store.completeJob(job!, 'crashed', job!.version);
      await h.store.dropJob(job!, 'crashed', 'late');
      expect((await h.store.queueStats(T0)).depth).toBe(1);
      await others[0]!.completeJob(taken!, 'survivor', taken!.version);
      expect((await h.store.queueStats(T0)).depth).toBe(0);
    });

    it('never hands one job, or two jobs of one channel, to claims racing on three instances', async () => {
      const channels = Array.from({ length: 12 }, (_, i) => `C${i}`);
      const hook = await hookWithChannels(h.store, channels);
      for (let d = 0; d < 3; d++) await h.store.ingestEvent(eventFor(hook, { receivedAt: T0 + d }));
      const stores = [h.store, ...others];
      const seen = new Map<string, number>();
      for (let round = 0; round < 20 && seen.size < 36; round++) {
        const claims = stores.flatMap((store, i) =>
          [0, 1, 2].map((n) => store.claimJobs(`w${i}.${n}`, T0 + 10, LEASE, 4)),
        );
        const claimed = (await Promise.all(claims)).flat();
        expect(unique(claimed.map(jobKey))).toBe(claimed.length);
        expect(unique(claimed.map((j) => j.channelId))).toBe(claimed.length);
        for (const job of claimed) seen.set(jobKey(job), (seen.get(jobKey(job)) ?? 0) + 1);
        for (const job of claimed) await stores[0]!.completeJob(job, job.leaseOwner, job.version);
      }
      expect(seen.size).toBe(36);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });
  });

  describe('postgres store: secrets at rest', () => {
    let h: PgHarness;
    beforeEach(async () => {
      h = await makePgHarness(url, createSecretBox(randomBytes(32)));
    });
    afterEach(() => h.cleanup());

    it('keeps no plaintext secret, token or API key in any text column', async () => {
      const hook = await hookWithChannels(h.store, ['C1']);
      const install = installation('T1', 'xoxb-plaintext-bot-token-42');
      await h.store.saveInstallation(install);
      const apiKey = 'sota_plaintext_api_key_0123456789';
      await h.store.setApiKey({ teamId: 'T1', apiKey, label: 'l', createdBy: null, createdAt: T0 });
      await h.store.ingestEvent(eventFor(hook));
      const text = await allText(h);
      expect(text).toContain(hook.id);
      for (const secret of [hook.secret, install.botToken, install.installationJson, apiKey]) {
        expect(text).not.toContain(secret);
      }
      expect(await h.store.getApiKey('T1')).toMatchObject({ apiKey });
    });

    it('refuses a ciphertext moved to another row', async () => {
      const first = await hookWithChannels(h.store, []);
      const second = await hookWithChannels(h.store, [], { projectId: 'other' });
      await h.schema.query(
        'UPDATE hooks SET secret_sealed = (SELECT secret_sealed FROM hooks WHERE id = $1) WHERE id = $2',
        [first.id, second.id],
      );
      await expect(h.store.getHook(second.id)).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
      await expect(h.store.verifySecrets()).rejects.toMatchObject({ code: SecretBoxErrorCode.tampered });
      expect((await h.store.getHook(first.id))?.secret).toBe(first.secret);
    });
  });
});

function jobKey(job: DeliveryJob): string {
  return `${job.teamId}/${job.channelId}/${job.deploymentId}`;
}

function unique(values: string[]): number {
  return new Set(values).size;
}

/** Every text and array column of every table in the schema, as one string. */
async function allText(h: PgHarness): Promise<string> {
  const columns = await h.schema.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = $1 AND data_type IN ('text', 'ARRAY')`,
    [h.schema.name],
  );
  expect(columns.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await h.schema.query<{ v: string | null }>(
      `SELECT "${column_name}"::text AS v FROM ${table_name}`,
    );
    for (const row of rows) if (row.v !== null) parts.push(row.v);
  }
  return parts.join('\n');
}
