import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SotaApiError } from '../../src/sota/api-error.js';
import { createSotaClient, type SotaClient } from '../../src/sota/client.js';
import { createKeyPacer, createKeyPacers, type PacerClock } from '../../src/sota/key-pacer.js';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';

let fake: FakeSota;
let client: SotaClient;
let projectId: string;

beforeEach(async () => {
  fake = await startFakeSota();
  client = createSotaClient({ baseUrl: fake.url, token: fake.token });
  projectId = fake.addProject({ name: 'shop' }).id;
});
afterEach(async () => fake.close());

/** A clock that moves only when slept on, recording each sleep. */
function steppedClock(): PacerClock & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('deployments, logs, redeploy and rollback', () => {
  it('pages deployments newest first and hands back the next cursor', async () => {
    const ids = Array.from({ length: 3 }, () => fake.addDeployment({ projectId }).id);
    const first = await client.listDeploymentPage(projectId, { limit: 2 });
    expect(first.deployments.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await client.listDeploymentPage(projectId, { limit: 2, cursor: first.nextCursor! });
    expect(second.deployments.map((d) => d.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('reads logs sent as text or as { data }', async () => {
    const d = fake.addDeployment({ projectId, status: 'failed' });
    fake.logs.set(d.id, 'npm ERR! missing script: build\n');
    expect(await client.getDeploymentLogs(projectId, d.id)).toBe('npm ERR! missing script: build\n');
    fake.logsFormat = 'json';
    expect(await client.getDeploymentLogs(projectId, d.id)).toBe('npm ERR! missing script: build\n');
    expect(fake.requests.at(-1)?.path).toBe(`/v1/projects/${projectId}/deployments/${d.id}/logs`);
  });

  it('missing logs are a not_found SotaApiError; an absent endpoint an unexpected status', async () => {
    const d = fake.addDeployment({ projectId, status: 'failed' });
    await expect(client.getDeploymentLogs(projectId, d.id)).rejects.toMatchObject({ code: 'not_found' });
    fake.logsStatus = 405;
    await expect(client.getDeploymentLogs(projectId, d.id)).rejects.toMatchObject({ status: 405 });
  });

  it('redeploy and rollback answer the new deployment; rollback without a previous one is a 409', async () => {
    const old = fake.addDeployment({ projectId, status: 'running' });
    await expect(client.rollback(projectId)).rejects.toMatchObject({ code: 'conflict', status: 409 });
    fake.addDeployment({ projectId, status: 'running' });
    const back = await client.rollback(projectId);
    expect(back).toMatchObject({ projectId, status: 'deploying' });
    expect(fake.deployments.at(-1)?.imageOf).toBe(old.id);
    const again = await client.redeploy(projectId);
    expect(again.status).toBe('deploying');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/v1/projects/${projectId}/rollback`,
      `/v1/projects/${projectId}/rollback`,
      `/v1/projects/${projectId}/redeploy`,
    ]);
  });
});

describe('pacing per key', () => {
  it('lets 100 calls a minute through at once, then spaces them 600 ms apart', async () => {
    const clock = steppedClock();
    const pacer = createKeyPacer(clock);
    for (let i = 0; i < 100; i++) await pacer.acquire(0);
    expect(clock.sleeps).toEqual([]);
    await pacer.acquire(10_000);
    await pacer.acquire(10_000);
    expect(clock.sleeps).toEqual([600, 600]);
    await expect(createKeyPacer(clock, 1).acquire(0)).resolves.toBeUndefined();
  });

  it('refuses without calling when the wait would be too long', async () => {
    const clock = steppedClock();
    const pacer = createKeyPacer(clock);
    pacer.holdUntil(clock.now() + 30_000);
    await expect(pacer.acquire(10_000)).rejects.toMatchObject({ code: 'sota_key_busy' });
  });

  it('one bucket per key across clients; a 429 holds the key for its Retry-After', async () => {
    const clock = steppedClock();
    const pacerFor = createKeyPacers(clock);
    const make = () =>
      createSotaClient({ baseUrl: fake.url, token: fake.token, pacer: pacerFor(fake.token), now: clock.now });
    fake.failNext('GET /v1/projects/:id/deployments', { kind: 'rate-limit', retryAfter: 7 });
    await expect(make().listDeploymentPage(projectId)).rejects.toBeInstanceOf(SotaApiError);
    await make().listDeploymentPage(projectId);
    expect(clock.sleeps).toEqual([7000]);
    expect(pacerFor('sota_other')).not.toBe(pacerFor(fake.token));
    const busy = createSotaClient({
      baseUrl: fake.url,
      token: fake.token,
      pacer: pacerFor(fake.token),
      paceMaxWaitMs: 0,
      now: clock.now,
    });
    fake.failNext('GET /v1/projects/:id/deployments', { kind: 'rate-limit', retryAfter: 30 });
    const before = fake.requests.length;
    await expect(make().listDeploymentPage(projectId)).rejects.toMatchObject({ status: 429 });
    await expect(busy.listDeploymentPage(projectId)).rejects.toMatchObject({
      code: 'rate_limited',
      status: 0,
    });
    expect(fake.requests.length).toBe(before + 1);
  });
});
