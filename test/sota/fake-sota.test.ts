import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';

let fake: FakeSota;

beforeEach(async () => {
  fake = await startFakeSota({ tokens: ['sota_aaaa', 'sota_bbbb'] });
});

afterEach(async () => {
  await fake.close();
});

function call(method: string, path: string, body?: unknown, token = 'sota_aaaa') {
  return fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('fake sota.io', () => {
  it('accepts any configured token, answers 401 JSON to others, and records both', async () => {
    expect((await call('GET', '/v1/projects', undefined, 'sota_bbbb')).status).toBe(200);
    const denied = await call('GET', '/v1/projects', undefined, 'sota_cccc');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({
      error: { message: 'Invalid or missing API key', code: 'unauthorized' },
    });
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sota_bbbb',
      'Bearer sota_cccc',
    ]);
  });

  it('lists webhooks without their secrets', async () => {
    const project = fake.addProject({ name: 'Shop' });
    const events = ['deploy.failed'];
    const created = await call('POST', `/v1/projects/${project.id}/webhooks`, { url: 'https://x/h', events });
    expect(created.status).toBe(201);
    const listed = (await (await call('GET', `/v1/projects/${project.id}/webhooks`)).json()) as {
      data: Array<Record<string, unknown>>;
    };
    expect(listed.data).toEqual([
      {
        id: fake.webhooks[0]?.id,
        project_id: project.id,
        url: 'https://x/h',
        events,
        created_at: expect.any(String),
      },
    ]);
  });

  it('answers 422 to a registration without events and 404 to an unknown project', async () => {
    const project = fake.addProject({ name: 'Shop' });
    expect(
      (await call('POST', `/v1/projects/${project.id}/webhooks`, { url: 'https://x', events: [] })).status,
    ).toBe(422);
    expect(
      (await call('POST', '/v1/projects/nope/webhooks', { url: 'https://x', events: ['deploy.failed'] }))
        .status,
    ).toBe(404);
    expect(fake.webhooks).toEqual([]);
  });

  it('fails only the next N matching calls, then answers normally', async () => {
    fake.failNext('GET /v1/projects', { kind: 'status', status: 503 }, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/v1/projects')).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('matches method and path patterns, and failAlways lasts until cleared', async () => {
    const project = fake.addProject({ name: 'Shop' });
    fake.failAlways({ method: 'get', path: /\/deployments$/ }, { kind: 'status', status: 500 });
    expect((await call('GET', `/v1/projects/${project.id}/deployments`)).status).toBe(500);
    expect((await call('GET', `/v1/projects/${project.id}/deployments`)).status).toBe(500);
    expect((await call('GET', `/v1/projects/${project.id}/webhooks`)).status).toBe(200);
    fake.clearFailures();
    expect((await call('GET', `/v1/projects/${project.id}/deployments`)).status).toBe(200);
  });

  it('delays an answer without changing it', async () => {
    fake.addProject({ name: 'Shop' });
    fake.failNext('*', { kind: 'delay', ms: 20 });
    const answer = await call('GET', '/v1/projects');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it('holds an answer until its gate opens, then answers normally', async () => {
    fake.addProject({ name: 'Shop' });
    let open = () => {};
    fake.failNext('GET /v1/projects', { kind: 'gate', until: new Promise<void>((r) => (open = r)) });
    let answered = false;
    const pending = call('GET', '/v1/projects').then((answer) => {
      answered = true;
      return answer;
    });
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    open();
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it('reset forgets everything and restores the start options', async () => {
    fake.addProject({ name: 'Shop' });
    fake.tokens.delete('sota_aaaa');
    fake.deleteWebhookStatus = 405;
    fake.failAlways('*', { kind: 'status', status: 500 });
    fake.reset();
    expect(fake.projects).toEqual([]);
    expect(fake.deleteWebhookStatus).toBe(204);
    const answer = await call('GET', '/v1/projects');
    expect(answer.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });

  it('close ends a hanging request', async () => {
    fake.failNext('*', { kind: 'hang' });
    const pending = call('GET', '/v1/projects').then(
      () => 'answered',
      () => 'cut',
    );
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await fake.close();
    expect(await pending).toBe('cut');
    fake = await startFakeSota();
  });
});
