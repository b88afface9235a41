import { afterEach, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DEPLOYMENT_ID,
  type Edge,
  eventBody,
  HOOK_ID,
  NOW,
  OTHER_PROJECT_ID,
  PROJECT_ID,
  startEdge,
} from './webhook-harness.js';

let edge: Edge;
afterEach(async () => {
  expect(await edge.healthy()).toBe(true);
  await edge.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('signed content that is refused (400, nothing stored)', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'another project id',
      eventBody({ project_id: OTHER_PROJECT_ID }),
      'project_mismatch',
      'another project',
    ],
    ['a missing project_id', eventBody({ project_id: undefined }), 'invalid_event', '"project_id"'],
    ['a missing deployment_id', eventBody({ deployment_id: undefined }), 'invalid_event', '"deployment_id"'],
    ['a missing event', eventBody({ event: undefined }), 'invalid_event', '"event"'],
    ['an empty event name', eventBody({ event: '' }), 'invalid_event', '"event"'],
    ['a missing timestamp', eventBody({ timestamp: undefined }), 'invalid_event', '"timestamp"'],
    ['a non-UUID project_id', eventBody({ project_id: 'my-app' }), 'invalid_event', '"project_id"'],
    ['a non-UUID deployment_id', eventBody({ deployment_id: '42' }), 'invalid_event', '"deployment_id"'],
    ['a number for deployment_id', eventBody({ deployment_id: 123 }), 'invalid_event', '"deployment_id"'],
    ['a number for event', eventBody({ event: 7 }), 'invalid_event', '"event"'],
    ['an unparsable timestamp', eventBody({ timestamp: 'yesterday' }), 'invalid_event', '"timestamp"'],
    ['an impossible date', eventBody({ timestamp: '2026-02-30T10:00:00Z' }), 'invalid_event', '"timestamp"'],
    ['an epoch number timestamp', eventBody({ timestamp: NOW }), 'invalid_event', '"timestamp"'],
    [
      'a far-future timestamp',
      eventBody({ timestamp: iso(NOW + 5 * 60_000 + 1000) }),
      'timestamp_in_future',
      '"timestamp"',
    ],
    ['data that is a string', eventBody({ data: 'x' }), 'invalid_event', '"data"'],
    ['a number for data.url', eventBody({ data: { url: 5 } }), 'invalid_event', '"data.url"'],
    ['a JSON array', '[]', 'invalid_event', 'JSON object'],
    ['JSON null', 'null', 'invalid_event', 'JSON object'],
    ['a JSON string', '"deploy.started"', 'invalid_event', 'JSON object'],
    ['deeply nested arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'invalid_event', 'JSON object'],
  ];

  it.each(cases)('answers 400 for %s', async (_name, body, code, mentions) => {
    edge = await startEdge();
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(400);
    const error = (answer.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toContain(mentions);
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  });

  it('uses the last of duplicate keys, as every later reader of the stored payload will', async () => {
    edge = await startEdge();
    const body = eventBody()
      .replace('{', `{"project_id":"${PROJECT_ID}",`)
      .replace(
        `"project_id":"${PROJECT_ID}","deployment_id"`,
        `"project_id":"${OTHER_PROJECT_ID}","deployment_id"`,
      );
    expect(body.match(/"project_id"/g)).toHaveLength(2);
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'project_mismatch' } });
    expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  });
});

describe('signed content that is accepted (202)', () => {
  it('accepts duplicate keys whose last value is right, and stores the bytes as sent', async () => {
    edge = await startEdge();
    const body = eventBody().replace('{', `{"project_id":"${OTHER_PROJECT_ID}",`);
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(202);
    const [stored] = await edge.store.listDeploymentEvents(HOOK_ID, DEPLOYMENT_ID);
    expect(stored?.payload).toBe(body);
    expect(stored?.projectId).toBe(PROJECT_ID);
  });

  it('accepts __proto__ and constructor keys without touching any prototype', async () => {
    edge = await startEdge();
    const body = eventBody()
      .replace('{', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},')
      .replace('"data":{', '"data":{"__proto__":{"polluted":"data"},"constructor":"x",');
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(202);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('accepts deep nesting inside data', async () => {
    edge = await startEdge();
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const body = eventBody({ data: 'DEEP' }).replace('"DEEP"', deep);
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(202);
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('accepts a 60 KB url and stores it whole', async () => {
    edge = await startEdge();
    const url = `https://my-app.sota.io/${'a'.repeat(60_000)}`;
    const body = eventBody({ event: 'deploy.succeeded', data: { url, status: 'running' } });
    expect((await edge.deliver(body)).status).toBe(202);
    const [stored] = await edge.store.listDeploymentEvents(HOOK_ID, DEPLOYMENT_ID);
    expect(stored?.payload).toBe(body);
  });

  it('accepts upper-case UUIDs for the hook project', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(eventBody({ project_id: PROJECT_ID.toUpperCase() }));
    expect(answer.status).toBe(202);
  });

  it('accepts a timestamp up to 5 minutes ahead and with an offset', async () => {
    edge = await startEdge();
    expect((await edge.deliver(eventBody({ timestamp: iso(NOW + 5 * 60_000) }))).status).toBe(202);
    const offset = eventBody({ event: 'deploy.failed', timestamp: '2026-03-01T13:00:00+01:00' });
    expect((await edge.deliver(offset)).json()).toMatchObject({ recorded: 'deliver' });
  });

  it('records events older than the freshness bound as stale and younger ones for delivery', async () => {
    edge = await startEdge();
    const old = await edge.deliver(eventBody({ timestamp: iso(NOW - DAY_MS - 1) }));
    expect(old.json()).toMatchObject({ recorded: 'stale' });
    const recent = await edge.deliver(eventBody({ event: 'deploy.failed', timestamp: iso(NOW - DAY_MS) }));
    expect(recent.json()).toMatchObject({ recorded: 'deliver' });
    expect(await edge.counts()).toEqual({ events: 2, jobs: 1 });
  });

  it('records an unknown event name even when it is stale', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(eventBody({ event: 'build.queued', timestamp: iso(NOW - 9 * DAY_MS) }));
    expect(answer.json()).toEqual({ ok: true, duplicate: false, recorded: 'unknown' });
    expect(await edge.counts()).toEqual({ events: 1, jobs: 0 });
  });
});
