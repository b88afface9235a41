/**
 * The endpoints of the fake sota.io server, as pure functions over its state: request in, reply out.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { deploymentLogs, redeploy, rollback } from './fake-sota-deploys.js';
import { errorBody } from './fake-sota-failures.js';
import type {
  FakeReply,
  FakeSotaDeployment,
  FakeSotaProject,
  FakeSotaState,
  FakeSotaWebhook,
} from './fake-sota-state.js';

const EVENTS = new Set(['deploy.started', 'deploy.succeeded', 'deploy.failed']);

function fail(status: number, message?: string, code?: string): FakeReply {
  return { status, body: errorBody(status, message, code) };
}

function paginate<T>(items: readonly T[], query: URLSearchParams, pageSize: number | undefined) {
  const limit = Number(query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return fail(400, 'limit must be 1-100', 'bad_request');
  const cursor = query.get('cursor');
  const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isInteger(offset) || offset < 0) return fail(400, 'Invalid cursor', 'bad_request');
  const end = offset + Math.min(limit, pageSize ?? limit);
  const hasMore = end < items.length;
  const next = hasMore ? Buffer.from(String(end)).toString('base64url') : null;
  return { page: items.slice(offset, end), pagination: { next_cursor: next, has_more: hasMore } };
}

function projectJson(p: FakeSotaProject) {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    user_id: 'user-1',
    created_at: p.createdAt,
    updated_at: p.createdAt,
  };
}

function webhookJson(w: FakeSotaWebhook, withSecret: boolean) {
  const json = { id: w.id, project_id: w.projectId, url: w.url, events: w.events, created_at: w.createdAt };
  return withSecret ? { ...json, secret: w.secret } : json;
}

function deploymentJson(d: FakeSotaDeployment) {
  return {
    id: d.id,
    project_id: d.projectId,
    status: d.status,
    image_tag: `registry.sota.io/app:${d.id.slice(0, 8)}`,
    build_method: 'railpack',
    url: d.url,
    [d.errorField]: d.errorMessage,
    created_at: d.createdAt,
    updated_at: d.createdAt,
  };
}

function createWebhook(state: FakeSotaState, projectId: string, body: unknown): FakeReply {
  const input = (body ?? {}) as { url?: unknown; events?: unknown };
  if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url))
    return fail(422, 'url is invalid', 'validation_error');
  const events = input.events;
  if (!Array.isArray(events) || events.length === 0 || !events.every((e) => EVENTS.has(e))) {
    return fail(422, 'events must be a non-empty list of deploy events', 'validation_error');
  }
  const webhook: FakeSotaWebhook = {
    id: randomUUID(),
    projectId,
    url: input.url,
    secret: `whsec_${randomBytes(24).toString('hex')}`,
    events: [...events],
    createdAt: new Date().toISOString(),
  };
  state.webhooks.push(webhook);
  return { status: 201, body: { data: webhookJson(webhook, true) } };
}

function deleteWebhook(state: FakeSotaState, projectId: string, webhookId: string): FakeReply {
  if (state.deleteWebhookStatus === 405) return { ...fail(405), headers: { allow: 'GET, POST' } };
  const index = state.webhooks.findIndex((w) => w.id === webhookId && w.projectId === projectId);
  if (state.deleteWebhookStatus === 404 || index < 0) return fail(404, 'Webhook not found', 'not_found');
  state.webhooks.splice(index, 1);
  return { status: 204 };
}

function projectRoute(
  state: FakeSotaState,
  method: string,
  parts: string[],
  query: URLSearchParams,
  body: unknown,
) {
  const [projectId = '', resource, webhookId, extra] = parts;
  if (!state.projects.some((p) => p.id === projectId)) return fail(404, 'Project not found', 'not_found');
  if (resource === 'webhooks' && webhookId === undefined) {
    if (method === 'POST') return createWebhook(state, projectId, body);
    if (method !== 'GET') return fail(405);
    const data = state.webhooks.filter((w) => w.projectId === projectId).map((w) => webhookJson(w, false));
    return { status: 200, body: { data } };
  }
  if (resource === 'webhooks' && webhookId !== undefined && extra === undefined) {
    return method === 'DELETE' ? deleteWebhook(state, projectId, webhookId) : fail(405);
  }
  if (resource === 'deployments' && webhookId !== undefined && extra === 'logs') {
    return method === 'GET' ? deploymentLogs(state, projectId, webhookId) : fail(405);
  }
  if ((resource === 'redeploy' || resource === 'rollback') && webhookId === undefined) {
    if (method !== 'POST') return fail(405);
    return resource === 'redeploy' ? redeploy(state, projectId) : rollback(state, projectId);
  }
  if (resource === 'deployments' && webhookId === undefined) {
    if (method !== 'GET') return fail(405);
    const newestFirst = state.deployments.filter((d) => d.projectId === projectId).reverse();
    const result = paginate(newestFirst, query, undefined);
    if ('status' in result) return result;
    return { status: 200, body: { data: result.page.map(deploymentJson), pagination: result.pagination } };
  }
  return fail(404);
}

function splitPath(path: string): string[] | undefined {
  try {
    return path.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Answers one authenticated request. */
export function routeFakeSota(
  state: FakeSotaState,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): FakeReply {
  const parts = splitPath(path);
  if (!parts) return fail(400, 'Malformed path', 'bad_request');
  if (parts[0] !== 'v1' || parts[1] !== 'projects') return fail(404);
  if (parts.length === 2) {
    if (method !== 'GET') return fail(405);
    const result = paginate(state.projects, query, state.pageSize);
    if ('status' in result) return result;
    return { status: 200, body: { data: result.page.map(projectJson), pagination: result.pagination } };
  }
  return projectRoute(state, method, parts.slice(2), query, body);
}
