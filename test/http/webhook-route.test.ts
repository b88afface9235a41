import { afterEach, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../src/sota/signature.js';
import type { Store } from '../../src/store/types.js';
import {
  DAY_MS,
  DEPLOYMENT_ID,
  type Edge,
  eventBody,
  HOOK_ID,
  NOW,
  OTHER_HOOK_ID,
  startEdge,
} from './webhook-harness.js';

let edge: Edge;
afterEach(async () => {
  await edge.close();
});

describe('POST /webhooks/sota/:hookId stores verified events', () => {
  it('answers 202 once the event is stored and a delivery job is queued', async () => {
    edge = await startEdge();
    const body = eventBody();
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ ok: true, duplicate: false, recorded: 'deliver' });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
    const [stored] = await edge.store.listDeploymentEvents(HOOK_ID, DEPLOYMENT_ID);
    expect(stored).toMatchObject({
      event: 'deploy.started',
      payload: body,
      receivedAt: NOW,
      disposition: 'deliver',
      occurredAt: new Date(NOW - 1000).toISOString(),
    });
  });

  it('answers the same delivery twice with 202 and stores it once', async () => {
    edge = await startEdge();
    const body = eventBody();
    expect((await edge.deliver(body)).json()).toMatchObject({ duplicate: false });
    const again = await edge.deliver(body);
    expect(again.status).toBe(202);
    expect(again.json()).toEqual({ ok: true, duplicate: true, recorded: 'deliver' });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('stores twenty simultaneous copies of one delivery once, with one job', async () => {
    edge = await startEdge();
    const body = eventBody({ event: 'deploy.succeeded', data: { url: 'https://my-app.sota.io' } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => edge.deliver(body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(answers.filter((a) => (a.json() as { duplicate: boolean }).duplicate === false)).toHaveLength(1);
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('records an unknown event name without queueing a job', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(eventBody({ event: 'deploy.cancelled' }));
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ ok: true, duplicate: false, recorded: 'unknown' });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 0 });
  });

  it('records a very old event as stale without queueing a job', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(eventBody({ timestamp: new Date(NOW - 2 * DAY_MS).toISOString() }));
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ ok: true, duplicate: false, recorded: 'stale' });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 0 });
  });

  it('accepts a body with no Content-Type or with a UTF-8 charset, as long as it verifies', async () => {
    edge = await startEdge();
    const first = eventBody({ event: 'deploy.started' });
    const second = eventBody({ event: 'deploy.succeeded' });
    expect((await edge.deliver(first, { 'content-type': undefined })).status).toBe(202);
    expect((await edge.deliver(second, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(
      202,
    );
    expect((await edge.counts()).events).toBe(2);
  });

  it('keeps events of one deployment apart by event name', async () => {
    edge = await startEdge();
    for (const event of ['deploy.started', 'deploy.failed']) {
      expect((await edge.deliver(eventBody({ event }))).status).toBe(202);
    }
    expect(await edge.counts()).toEqual({ events: 2, jobs: 1 });
  });
});

describe('hooks', () => {
  it('answers 404 for an unknown hook, signed or not', async () => {
    edge = await startEdge();
    const body = eventBody();
    const answer = await edge.request(
      'POST',
      '/webhooks/sota/hk_nope',
      {
        'content-type': 'application/json',
        'x-sota-signature': signSotaPayload(edge.hook.secret, body),
      },
      Buffer.from(body),
    );
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ error: { code: 'unknown_hook', message: expect.any(String) } });
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  });

  it('answers 410 for a retired hook once the cached lookup has expired', async () => {
    edge = await startEdge({ hookCacheTtlMs: 2000 });
    expect((await edge.deliver(eventBody({ event: 'deploy.started' }))).status).toBe(202);
    await edge.store.retireHook(HOOK_ID, false);
    edge.clock.now += 2001;
    const answer = await edge.deliver(eventBody({ event: 'deploy.succeeded' }));
    expect(answer.status).toBe(410);
    expect(answer.json()).toEqual({ error: { code: 'hook_retired', message: expect.any(String) } });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('answers 410 for a retired hook before reading or verifying the body', async () => {
    edge = await startEdge();
    await edge.store.retireHook(HOOK_ID, true);
    const answer = await edge.deliver('not even json', { 'x-sota-signature': undefined });
    expect(answer.status).toBe(410);
  });

  it("refuses a delivery signed with another hook's secret (401)", async () => {
    edge = await startEdge();
    const body = eventBody();
    const answer = await edge.deliver(body, {
      'x-sota-signature': signSotaPayload(edge.otherHook.secret, body),
    });
    expect(answer.status).toBe(401);
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  });

  it("refuses another tenant's signed event replayed to this hook (401) and to its own hook with our project (400)", async () => {
    edge = await startEdge();
    const theirs = eventBody({ project_id: edge.otherHook.projectId });
    const signedByThem = signSotaPayload(edge.otherHook.secret, theirs);
    const replayed = await edge.deliver(theirs, { 'x-sota-signature': signedByThem });
    expect(replayed.status).toBe(401);
    const ours = eventBody();
    const crossed = await edge.request(
      'POST',
      `/webhooks/sota/${OTHER_HOOK_ID}`,
      {
        'content-type': 'application/json',
        'x-sota-signature': signSotaPayload(edge.otherHook.secret, ours),
      },
      Buffer.from(ours),
    );
    expect(crossed.status).toBe(400);
    expect(crossed.json()).toMatchObject({ error: { code: 'project_mismatch' } });
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  });
});

function failingIngest(store: Store): Store {
  return Object.assign(Object.create(store) as Store, {
    getHook: (id: string) => store.getHook(id),
    ingestEvent: async () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    },
  });
}

describe('a store that fails', () => {
  it('answers 503 with Retry-After and no detail when the event cannot be committed', async () => {
    edge = await startEdge({ wrapStore: failingIngest });
    const body = eventBody();
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(answer.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    expect(answer.text).not.toContain('SQLITE');
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
    const logged = edge.logs.join('\n');
    expect(logged).toContain('SQLITE_FULL');
    expect(logged).not.toContain(edge.hook.secret);
    expect(logged).not.toContain(signSotaPayload(edge.hook.secret, body).slice(7));
    expect(await edge.healthy()).toBe(true);
  });

  it('answers 503 when the store is closed', async () => {
    edge = await startEdge({ hookCacheTtlMs: 0 });
    await edge.store.close();
    const answer = await edge.deliver(eventBody());
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(await edge.healthy()).toBe(true);
    expect((await edge.request('GET', '/readyz')).status).toBe(503);
  });
});

describe('what is visible outside', () => {
  it('counts every outcome in /metrics', async () => {
    edge = await startEdge();
    await edge.deliver(eventBody());
    await edge.deliver(eventBody());
    await edge.deliver(eventBody({ event: 'deploy.paused' }));
    await edge.deliver(
      eventBody({ event: 'deploy.failed', timestamp: new Date(NOW - 3 * DAY_MS).toISOString() }),
    );
    await edge.deliver(eventBody(), { 'x-sota-signature': 'sha256=00' });
    await edge.deliver('{', {});
    await edge.deliver(eventBody(), { 'content-encoding': 'gzip' });
    await edge.request('POST', '/webhooks/sota/hk_missing');
    const text = (await edge.request('GET', '/metrics')).text;
    for (const [outcome, n] of Object.entries({
      accepted: 1,
      duplicate: 1,
      unknown_event: 1,
      stale: 1,
      bad_signature: 1,
      bad_request: 1,
      unsupported_media: 1,
      unknown_hook: 1,
    })) {
      expect(text).toContain(`sota_webhooks_total{outcome="${outcome}"} ${n}`);
    }
  });

  it('never writes the secret or a signature into a log line', async () => {
    edge = await startEdge();
    const body = eventBody();
    const good = signSotaPayload(edge.hook.secret, body);
    await edge.deliver(body);
    await edge.deliver(`${body} `, { 'x-sota-signature': good });
    await edge.deliver(body, { 'x-sota-signature': `${good}, ${good}` });
    const logged = edge.logs.join('\n');
    expect(edge.logs.length).toBeGreaterThan(0);
    expect(logged).not.toContain(edge.hook.secret);
    expect(logged).not.toContain(good.slice(7));
  });
});
