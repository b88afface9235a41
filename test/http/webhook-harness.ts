/**
 * A real webhook edge for tests: the real SQLite store in a temp dir, the real handler and router
 * on 127.0.0.1:0, a fixed clock, captured logs, and a builder of signed deliveries that can break
 * one thing at a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { createHttpServer } from '../../src/http/server.js';
import { createWebhookHandler } from '../../src/http/webhook-route.js';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import { signSotaPayload } from '../../src/sota/signature.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Hook, Store } from '../../src/store/types.js';
import { createCapturedLogger } from '../helpers/capture-logs.js';
import { type Answer, send } from './http-client.js';

export const NOW = Date.parse('2026-03-01T12:00:00.000Z');
export const PROJECT_ID = '550e8400-e29b-41d4-a716-446655440000';
export const OTHER_PROJECT_ID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const DEPLOYMENT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const HOOK_ID = 'hk_Test-0001';
export const OTHER_HOOK_ID = 'hk_Test-0002';
export const DAY_MS = 24 * 3_600_000;

export interface EdgeOptions {
  /** Wraps the real store (to make parts of it fail). */
  wrapStore?: (store: Store) => Store;
  hookCacheTtlMs?: number;
  refreshGauges?: () => Promise<void>;
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Edge {
  port: number;
  server: Server;
  store: Store;
  metrics: Metrics;
  hook: Hook;
  otherHook: Hook;
  clock: { now: number };
  logs: string[];
  fallbackCalls: string[];
  /** POSTs a body signed with the hook's secret; `headers` replace or (with undefined) remove defaults. */
  deliver(body: string | Buffer, headers?: Record<string, string | string[] | undefined>): Promise<Answer>;
  request(method: string, path: string, headers?: Record<string, string>, body?: Buffer): Promise<Answer>;
  /** Stored events and queued jobs right now. */
  counts(): Promise<{ events: number; jobs: number }>;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** A sota.io payload; `overrides` replace fields (undefined removes one). */
export function eventBody(overrides: Record<string, unknown> = {}): string {
  const event: Record<string, unknown> = {
    event: 'deploy.started',
    project_id: PROJECT_ID,
    deployment_id: DEPLOYMENT_ID,
    timestamp: new Date(NOW - 1000).toISOString(),
    data: { status: 'building' },
    ...overrides,
  };
  return JSON.stringify(event);
}

function defaultFallback(calls: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    calls.push(`${req.method} ${req.url}`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('fallback');
  };
}

async function seedStore(store: Store): Promise<{ hook: Hook; otherHook: Hook }> {
  await store.migrate();
  const secret = () => `whsec_${randomBytes(24).toString('hex')}`;
  const hook = await store.insertHook({
    id: HOOK_ID,
    teamId: 'T0001',
    projectId: PROJECT_ID,
    projectName: 'My App',
    projectSlug: 'my-app',
    sotaWebhookId: 'c47d8e9f-1234-5678-9abc-def012345678',
    secret: secret(),
  });
  const otherHook = await store.insertHook({
    id: OTHER_HOOK_ID,
    teamId: 'T0002',
    projectId: OTHER_PROJECT_ID,
    projectName: 'Other',
    projectSlug: 'other',
    sotaWebhookId: 'd47d8e9f-1234-5678-9abc-def012345678',
    secret: secret(),
  });
  for (const h of [hook, otherHook]) {
    const events = ['deploy.started', 'deploy.succeeded', 'deploy.failed'] as const;
    await store.upsertSubscription({
      teamId: h.teamId,
      channelId: 'C0001',
      projectId: h.projectId,
      hookId: h.id,
      events: [...events],
      createdBy: 'U0001',
    });
  }
  return { hook, otherHook };
}

export async function startEdge(options: EdgeOptions = {}): Promise<Edge> {
  const dir = mkdtempSync(join(tmpdir(), 'sota-http-'));
  const realStore = createSqliteStore({
    path: join(dir, 'test.db'),
    secretBox: createSecretBox(randomBytes(32)),
  });
  const { hook, otherHook } = await seedStore(realStore);
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const clock = { now: NOW };
  const { logger, lines } = createCapturedLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const fallbackCalls: string[] = [];
  const webhook = createWebhookHandler({
    store,
    logger,
    metrics,
    now: () => clock.now,
    eventMaxAgeMs: DAY_MS,
    ...(options.hookCacheTtlMs !== undefined ? { hookCacheTtlMs: options.hookCacheTtlMs } : {}),
  });
  const server = createHttpServer({
    webhook,
    store,
    metrics,
    ...(options.refreshGauges ? { refreshGauges: options.refreshGauges } : {}),
    fallback: options.fallback ?? defaultFallback(fallbackCalls),
    logger,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const request: Edge['request'] = (method, path, headers = {}, body) =>
    send(port, { method, path, headers, ...(body ? { body } : {}) });

  return {
    port,
    server,
    store: realStore,
    metrics,
    hook,
    otherHook,
    clock,
    logs: lines,
    fallbackCalls,
    deliver(body, headers = {}) {
      const merged: Record<string, string | string[] | undefined> = {
        'content-type': 'application/json',
        'x-sota-signature': signSotaPayload(hook.secret, body),
        ...headers,
      };
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      return send(port, { method: 'POST', path: `/webhooks/sota/${HOOK_ID}`, headers: merged, body: bytes });
    },
    request,
    async counts() {
      return { events: await realStore.countEvents(), jobs: (await realStore.queueStats(clock.now)).depth };
    },
    async healthy() {
      return (await request('GET', '/healthz')).status === 200;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await realStore.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
