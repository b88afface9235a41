/**
 * The process error policy on the real app: a stray rejection or exception is logged and counted
 * in /metrics while the app goes on serving; a request whose handler throws is logged with its
 * request id and answered 500; a store that is gone for good ends the process with one clear line.
 */
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { createErrorPolicy } from '../../src/runtime/error-policy.js';
import { createCapturedLogger } from '../helpers/capture-logs.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
  await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
  bare = undefined;
});

async function metric(app: TestApp, kind: string): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`sota_process_errors_total{kind="${kind}"}`));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}

describe('errors outside any request', () => {
  it('an unhandled rejection and an uncaught exception are logged, counted, and the app keeps serving', async () => {
    const events = new EventEmitter();
    t = await startTestApp({ start: { processEvents: events } });
    events.emit('unhandledRejection', new Error('stray promise'), Promise.resolve());
    events.emit('unhandledRejection', new Error('another'), Promise.resolve());
    events.emit('uncaughtException', new Error('stray throw'));
    expect(await metric(t, 'unhandled_rejection')).toBe(2);
    expect(await metric(t, 'uncaught_exception')).toBe(1);
    expect(t.logs.filter((l) => l.includes('unexpected error outside any request'))).toHaveLength(3);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('stops listening for them when the app stops', async () => {
    const events = new EventEmitter();
    t = await startTestApp({ start: { processEvents: events } });
    expect(events.listenerCount('unhandledRejection')).toBe(1);
    await t.stop();
    t = undefined;
    expect(events.listenerCount('unhandledRejection') + events.listenerCount('uncaughtException')).toBe(0);
  });
});

describe('a request whose handler throws', () => {
  it('is answered 500 and logged with the request id it was answered with', async () => {
    const { logger, lines } = createCapturedLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const policy = createErrorPolicy({ logger, metrics, exit: () => expect.fail('not fatal') });
    bare = createHttpServer({
      webhook: async () => undefined,
      store: { ping: async () => undefined },
      metrics,
      fallback: () => {
        throw new Error('listener broke');
      },
      logger,
      onRequestError: policy.requestFailed,
    });
    await new Promise<void>((resolve) => bare?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    const res = await fetch(`${url}/slack/events`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('listener broke');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request failed');
    expect(logged?.requestId).toBe(id);
    expect((await metrics.processErrors.get()).values).toEqual([
      expect.objectContaining({ labels: { kind: 'request' }, value: 1 }),
    ]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('a store that is gone for good', () => {
  it('ends the process with one clear line (once), after answering 503', async () => {
    const exits: string[] = [];
    t = await startTestApp({ start: { exit: (line) => exits.push(line), startWorker: false } });
    await t.store.close();
    const res = await t.sendWebhook('some-hook', '{}', 'whsec_x');
    expect(res.status).toBe(503);
    await t.sendCommand('list');
    await t.waitFor(() => exits.length > 0);
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatch(/^sota-slack stopping: the store failed .*must be restarted$/);
    expect(t.logs.some((l) => l.includes('"level":60'))).toBe(true);
  });

  it('a busy or unreachable store is not fatal', async () => {
    const exits: string[] = [];
    const policy = createErrorPolicy({
      logger: createCapturedLogger().logger,
      metrics: createMetrics({ defaultMetrics: false }),
      exit: (line) => exits.push(line),
    });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    policy.check(busy, 'test');
    policy.check(refused, 'test');
    expect(exits).toEqual([]);
    policy.check(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }), 'test');
    expect(exits).toHaveLength(1);
  });
});
