import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServerDeps, SERVER_TIMEOUTS } from '../../src/http/server.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { signSotaPayload } from '../../src/sota/signature.js';
import type { Store } from '../../src/store/types.js';
import { createCapturedLogger } from '../helpers/capture-logs.js';
import { openRaw, send, sendRaw } from './http-client.js';
import { type Edge, eventBody, HOOK_ID, startEdge } from './webhook-harness.js';

let edge: Edge | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await edge?.close();
  edge = undefined;
  if (bare) {
    const server = bare;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    bare = undefined;
  }
});

/** A server with chosen parts, for the failures the real edge cannot produce. */
async function startBare(parts: Partial<HttpServerDeps>): Promise<{ port: number; logs: string[] }> {
  const { logger, lines } = createCapturedLogger();
  const server = createHttpServer({
    webhook: async (_req, res) => {
      res.end('webhook');
    },
    store: { ping: async () => undefined },
    metrics: createMetrics({ defaultMetrics: false }),
    fallback: (_req, res) => {
      res.end('fallback');
    },
    logger,
    ...parts,
  });
  bare = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, logs: lines };
}

describe('the webhook path', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD'])(
    'answers %s with 405 and Allow: POST',
    async (method) => {
      edge = await startEdge();
      const answer = await edge.request(method, `/webhooks/sota/${HOOK_ID}`);
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
    },
  );

  it.each([
    `/webhooks/sota/${HOOK_ID}/`,
    '/webhooks/sota/',
    '/webhooks/sota',
    `/webhooks/sota/${HOOK_ID}/extra`,
    `/webhooks/sota/${'a'.repeat(65)}`,
    '/webhooks/sota/hk%2Fx',
    '/webhooks/sota/hk.x',
    '/webhooks/sota/..',
  ])('answers 404 JSON for %s and does not pass it on', async (path) => {
    edge = await startEdge();
    const answer = await edge.request(
      'POST',
      path,
      { 'content-type': 'application/json' },
      Buffer.from('{}'),
    );
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(edge.fallbackCalls).toEqual([]);
  });

  it('hands an id of up to 64 characters to the webhook route, with or without a query string', async () => {
    edge = await startEdge();
    const long = await edge.request('POST', `/webhooks/sota/${'a'.repeat(64)}`);
    expect(long.status).toBe(404);
    expect(long.json()).toMatchObject({ error: { code: 'unknown_hook' } });
    const body = eventBody();
    const answer = await edge.request(
      'POST',
      `/webhooks/sota/${HOOK_ID}?attempt=2`,
      { 'content-type': 'application/json', 'x-sota-signature': signSotaPayload(edge.hook.secret, body) },
      Buffer.from(body),
    );
    expect(answer.status).toBe(202);
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });
});

describe('everything else goes to the fallback', () => {
  it.each([
    ['POST', '/slack/events'],
    ['GET', '/slack/install'],
    ['GET', '/slack/oauth_redirect?code=x&state=y'],
    ['GET', '/'],
    ['GET', '/webhooks/github/abc'],
    ['GET', '/healthz/'],
  ])('%s %s', async (method, path) => {
    edge = await startEdge();
    const answer = await edge.request(method, path);
    expect(answer.text).toBe('fallback');
    expect(edge.fallbackCalls).toEqual([`${method} ${path}`]);
  });

  it('answers 500 JSON without detail when the fallback throws, and keeps serving', async () => {
    const { port, logs } = await startBare({
      fallback: () => {
        throw new Error('receiver exploded: xoxb-secret-token');
      },
    });
    const answer = await send(port, { method: 'POST', path: '/slack/events' });
    expect(answer.status).toBe(500);
    expect(answer.json()).toEqual({ error: { code: 'internal_error', message: 'internal error' } });
    expect(answer.text).not.toContain('exploded');
    expect(logs.join('\n')).toContain('request handler failed');
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('answers 500 when an async fallback rejects', async () => {
    const fallback = (async () => {
      throw new Error('async failure');
    }) as unknown as (req: IncomingMessage, res: ServerResponse) => void;
    const { port } = await startBare({ fallback });
    expect((await send(port, { method: 'GET', path: '/slack/install' })).status).toBe(500);
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('answers 500 when the webhook handler rejects', async () => {
    const { port } = await startBare({
      webhook: async () => {
        throw new Error('unexpected');
      },
    });
    expect((await send(port, { method: 'POST', path: '/webhooks/sota/abc' })).status).toBe(500);
  });
});

describe('health and metrics', () => {
  it('answers /healthz and /readyz with 200 while the store answers', async () => {
    edge = await startEdge();
    for (const path of ['/healthz', '/readyz', '/healthz?probe=1']) {
      const answer = await edge.request('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ ok: true });
    }
    expect((await edge.request('HEAD', '/healthz')).status).toBe(200);
    expect((await edge.request('POST', '/healthz')).status).toBe(405);
    expect((await edge.request('DELETE', '/readyz')).status).toBe(405);
  });

  it('answers /readyz with 503 when the store fails, /healthz still 200', async () => {
    edge = await startEdge({
      wrapStore: (store) =>
        Object.assign(Object.create(store) as Store, {
          ping: async () => {
            throw new Error('database is locked');
          },
        }),
    });
    const ready = await edge.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({ error: { code: 'not_ready', message: 'the store does not answer' } });
    expect(await edge.healthy()).toBe(true);
  });

  it('answers /readyz with 503 when the store does not answer within a second', async () => {
    const { port } = await startBare({ store: { ping: () => new Promise<void>(() => undefined) } });
    expect((await send(port, { method: 'GET', path: '/readyz' })).status).toBe(503);
  });

  it('serves /metrics in Prometheus format after refreshing the queue gauges', async () => {
    let refreshed = 0;
    edge = await startEdge({
      refreshGauges: async () => {
        refreshed += 1;
        edge?.metrics.queueDepth.set(7);
      },
    });
    await edge.deliver(eventBody());
    const answer = await edge.request('GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toContain('text/plain');
    expect(answer.text).toContain('delivery_queue_depth 7');
    expect(answer.text).toContain('sota_webhooks_total{outcome="accepted"} 1');
    expect(refreshed).toBe(1);
    expect((await edge.request('POST', '/metrics')).status).toBe(405);
  });

  it('still serves /metrics when refreshing the gauges fails', async () => {
    edge = await startEdge({
      refreshGauges: async () => {
        throw new Error('store down');
      },
    });
    const answer = await edge.request('GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('sota_webhooks_total');
    expect(edge.logs.join('\n')).toContain('queue gauges could not be refreshed');
  });
});

describe('the server itself', () => {
  it('has tight header, request and keep-alive timeouts', async () => {
    edge = await startEdge();
    expect(SERVER_TIMEOUTS).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 15_000,
      keepAliveTimeout: 5_000,
    });
    expect(edge.server.headersTimeout).toBe(10_000);
    expect(edge.server.requestTimeout).toBe(15_000);
    expect(edge.server.keepAliveTimeout).toBe(5_000);
  });

  it('cuts off a client that never finishes its headers, and one that never finishes its body', async () => {
    const { port } = await startBare({
      timeouts: { headersTimeout: 200, requestTimeout: 300 },
      fallback: (req, res) => {
        req.resume().on('end', () => res.end('read it all'));
      },
    });
    const slowHeaders = await openRaw(port);
    await slowHeaders.write('POST /webhooks/sota/abc HTTP/1.1\r\nHost: x\r\n');
    const slowBody = await openRaw(port);
    await slowBody.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');
    expect((await slowHeaders.answer)?.status).toBe(408);
    expect((await slowBody.answer)?.status).toBe(408);
    await Promise.all([slowHeaders.closed, slowBody.closed]);
  });

  it('answers garbage on the socket with 400 and keeps serving', async () => {
    edge = await startEdge();
    const answer = await sendRaw(edge.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer?.status).toBe(400);
    expect(await edge.healthy()).toBe(true);
  });
});
