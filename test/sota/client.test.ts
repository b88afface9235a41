import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SotaApiError } from '../../src/sota/api-error.js';
import { createSotaClient, MAX_PROJECT_PAGES, type SotaClient } from '../../src/sota/client.js';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';

let fake: FakeSota;
let client: SotaClient;

beforeEach(async () => {
  fake = await startFakeSota();
  client = createSotaClient({ baseUrl: fake.url, token: fake.token });
});

afterEach(async () => {
  await fake.close();
});

describe('listProjects', () => {
  it('follows the cursor across pages and asks for 100 per page', async () => {
    fake.pageSize = 3;
    const added = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta'].map((name) =>
      fake.addProject({ name }),
    );

    const projects = await client.listProjects();

    expect(projects).toEqual(added.map(({ id, name, slug }) => ({ id, name, slug })));
    expect(fake.requests.map((r) => r.query.limit)).toEqual(['100', '100', '100']);
    expect(fake.requests[0]?.query.cursor).toBeUndefined();
    expect(fake.requests[1]?.query.cursor).toEqual(expect.any(String));
  });

  it(`stops after ${MAX_PROJECT_PAGES} pages`, async () => {
    fake.pageSize = 1;
    for (let i = 0; i < MAX_PROJECT_PAGES + 5; i++) fake.addProject({ name: `project ${i}` });

    const projects = await client.listProjects();

    expect(fake.requests).toHaveLength(MAX_PROJECT_PAGES);
    expect(projects).toHaveLength(MAX_PROJECT_PAGES);
  });

  it('stops when has_more is true but no cursor is given, or a cursor repeats', async () => {
    const item = { id: 'p1', name: 'One', slug: 'one' };
    fake.failNext('GET /v1/projects', {
      kind: 'status',
      status: 200,
      body: { data: [item], pagination: { has_more: true, next_cursor: null } },
    });
    expect(await client.listProjects()).toEqual([item]);

    const looping = { data: [item], pagination: { has_more: true, next_cursor: 'same' } };
    fake.failAlways('GET /v1/projects', { kind: 'status', status: 200, body: looping });
    expect(await client.listProjects()).toEqual([item, item]);
    expect(fake.requests).toHaveLength(3);
  });

  it('accepts a list without pagination and ignores extra fields', async () => {
    const body = { data: [{ id: 'p1', name: 'One', slug: 'one', plan: 'free' }], meta: {} };
    fake.failNext('GET /v1/projects', { kind: 'status', status: 200, body });
    expect(await client.listProjects()).toEqual([{ id: 'p1', name: 'One', slug: 'one' }]);
  });
});

describe('findProject', () => {
  it('finds a project by id or by slug, case-insensitively, on a later page', async () => {
    fake.pageSize = 2;
    for (const name of ['First App', 'Second App', 'Third App']) fake.addProject({ name });
    const target = fake.addProject({ name: 'My Cool App' });

    expect(await client.findProject(target.id.toUpperCase())).toEqual({
      id: target.id,
      name: 'My Cool App',
      slug: 'my-cool-app',
    });
    expect((await client.findProject('  My-Cool-APP '))?.id).toBe(target.id);
  });

  it('answers undefined for an unknown project, and for an empty name without a call', async () => {
    fake.addProject({ name: 'Only' });
    expect(await client.findProject('missing')).toBeUndefined();
    const calls = fake.requests.length;
    expect(await client.findProject('  ')).toBeUndefined();
    expect(fake.requests).toHaveLength(calls);
  });
});

describe('createWebhook', () => {
  it('posts url and events as JSON with the bearer token and returns the signing secret', async () => {
    const project = fake.addProject({ name: 'Shop' });
    const events = ['deploy.started', 'deploy.succeeded', 'deploy.failed'];

    const webhook = await client.createWebhook(project.id, 'https://bot.example/webhooks/sota/h1', events);

    const request = fake.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/v1/projects/${project.id}/webhooks`);
    expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ url: 'https://bot.example/webhooks/sota/h1', events });
    expect(webhook.secret).toMatch(/^whsec_[0-9a-f]+$/);
    const stored = fake.webhooks[0]!;
    expect(webhook).toEqual({
      id: stored.id,
      projectId: project.id,
      url: stored.url,
      secret: stored.secret,
      events,
    });
  });

  it('rejects a created webhook whose secret is not a whsec_ secret', async () => {
    const body = { data: { id: 'w1', project_id: 'p1', url: 'https://x', secret: 'plain', events: [] } };
    fake.failNext('POST /v1/projects/:id/webhooks', { kind: 'status', status: 201, body });
    const error = await client.createWebhook('p1', 'https://x', ['deploy.failed']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SotaApiError);
    expect(error).toMatchObject({ code: 'malformed_response', status: 201 });
    expect((error as Error).message).not.toContain('plain');
  });

  it('encodes the project id into the path', async () => {
    await client.createWebhook('a/b?c', 'https://x', ['deploy.failed']).catch(() => undefined);
    expect(fake.requests[0]?.path).toBe('/v1/projects/a%2Fb%3Fc/webhooks');
  });
});

describe('deleteWebhook', () => {
  it("answers 'deleted' on 204 and the webhook is gone from sota.io", async () => {
    const project = fake.addProject({ name: 'Shop' });
    const webhook = await client.createWebhook(project.id, 'https://x', ['deploy.failed']);

    expect(await client.deleteWebhook(project.id, webhook.id)).toBe('deleted');
    expect(fake.webhooks).toEqual([]);
    expect(fake.requests[1]).toMatchObject({
      method: 'DELETE',
      path: `/v1/projects/${project.id}/webhooks/${webhook.id}`,
    });
  });

  it("answers 'gone' on 404 and 'unsupported' on 405 or 501", async () => {
    const project = fake.addProject({ name: 'Shop' });
    expect(await client.deleteWebhook(project.id, 'unknown')).toBe('gone');
    fake.deleteWebhookStatus = 405;
    expect(await client.deleteWebhook(project.id, 'unknown')).toBe('unsupported');
    fake.failNext('DELETE *', { kind: 'status', status: 501 });
    expect(await client.deleteWebhook(project.id, 'unknown')).toBe('unsupported');
  });

  it('throws for any other failure', async () => {
    fake.failNext('DELETE /v1/projects/:id/webhooks/:webhookId', { kind: 'status', status: 500 });
    await expect(client.deleteWebhook('p', 'w')).rejects.toMatchObject({ code: 'server_error', status: 500 });
  });
});

describe('listDeployments', () => {
  it('reads error_message or error, keeps url null when absent, and passes limit', async () => {
    const project = fake.addProject({ name: 'Shop' });
    fake.addDeployment({ projectId: project.id, status: 'failed', errorMessage: 'build broke' });
    fake.addDeployment({
      projectId: project.id,
      status: 'failed',
      errorMessage: 'health check',
      errorField: 'error',
    });
    const live = fake.addDeployment({ projectId: project.id, status: 'running', url: 'shop.sota.io' });

    const deployments = await client.listDeployments(project.id, 5);

    expect(fake.requests[0]?.query).toEqual({ limit: '5' });
    expect(deployments.map((d) => [d.status, d.url, d.errorMessage])).toEqual([
      ['running', 'shop.sota.io', null],
      ['failed', null, 'health check'],
      ['failed', null, 'build broke'],
    ]);
    expect(deployments[0]).toMatchObject({ id: live.id, projectId: project.id, createdAt: live.createdAt });
  });

  it('sends no limit when none is given', async () => {
    const project = fake.addProject({ name: 'Shop' });
    expect(await client.listDeployments(project.id)).toEqual([]);
    expect(fake.requests[0]?.query).toEqual({});
  });
});

describe('createSotaClient', () => {
  it('accepts a base URL ending in /v1/ and still calls /v1 paths once', async () => {
    const withV1 = createSotaClient({ baseUrl: `${fake.url}/v1/`, token: fake.token });
    fake.addProject({ name: 'One' });
    expect(await withV1.listProjects()).toHaveLength(1);
    expect(fake.requests[0]?.path).toBe('/v1/projects');
  });

  it('refuses a missing token or a base URL that is not http(s)', () => {
    expect(() => createSotaClient({ baseUrl: fake.url, token: '' })).toThrow(TypeError);
    expect(() => createSotaClient({ baseUrl: 'ftp://example', token: 't' })).toThrow(TypeError);
    expect(() => createSotaClient({ baseUrl: 'api.sota.io', token: 't' })).toThrow(TypeError);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const custom = createSotaClient({ baseUrl: fake.url, token: fake.token, fetch: counting });
    await custom.listProjects();
    expect(seen).toEqual([`${fake.url}/v1/projects?limit=100`]);
  });
});
