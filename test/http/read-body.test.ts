import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadBodyError, readBody } from '../../src/http/read-body.js';
import { openRaw, send, sendRaw } from './http-client.js';

type Outcome = { body: Buffer } | { code: string };

let server: Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A server that reads each body with `readBody(req, limit)` and reports what came of it. */
async function startReader(
  limit: number,
  before: (req: IncomingMessage) => Promise<void> = async () => undefined,
): Promise<{ port: number; outcomes: Outcome[]; next: () => Promise<Outcome> }> {
  const outcomes: Outcome[] = [];
  const waiters: Array<(o: Outcome) => void> = [];
  const record = (o: Outcome) => {
    outcomes.push(o);
    waiters.shift()?.(o);
  };
  server = createServer(async (req, res) => {
    await before(req);
    try {
      const body = await readBody(req, limit);
      record({ body });
      res.end(`read ${body.length}`);
    } catch (err) {
      record({ code: err instanceof ReadBodyError ? err.code : 'other' });
      res.statusCode = 413;
      res.end('refused');
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const next = () => new Promise<Outcome>((resolve) => waiters.push(resolve));
  return { port, outcomes, next };
}

describe('readBody', () => {
  it('returns the exact bytes of a body sent in many pieces', async () => {
    const { port, outcomes } = await startReader(100);
    const pieces = [Buffer.from([0xff, 0x00]), Buffer.from('é'), Buffer.from(' end')];
    const answer = await send(port, { method: 'POST', path: '/', chunks: pieces });
    expect(answer.text).toBe('read 8');
    expect(outcomes).toEqual([{ body: Buffer.concat(pieces) }]);
  });

  it('returns an empty buffer for a request without a body', async () => {
    const { port, outcomes } = await startReader(100);
    await send(port, { method: 'GET', path: '/' });
    expect(outcomes).toEqual([{ body: Buffer.alloc(0) }]);
  });

  it('accepts exactly the limit and refuses one byte more', async () => {
    const { port, outcomes } = await startReader(10);
    await send(port, { method: 'POST', path: '/', body: Buffer.alloc(10, 0x61) });
    const over = await send(port, { method: 'POST', path: '/', chunks: [Buffer.alloc(6), Buffer.alloc(5)] });
    expect(over.status).toBe(413);
    expect(outcomes).toEqual([{ body: Buffer.alloc(10, 0x61) }, { code: 'too_large' }]);
  });

  it('refuses from Content-Length alone, before any body byte arrives', async () => {
    const { port, outcomes } = await startReader(10);
    const answer = await sendRaw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n');
    expect(answer?.status).toBe(413);
    expect(outcomes).toEqual([{ code: 'too_large' }]);
  });

  it('refuses a chunked body as soon as it passes the limit, while the client is still sending', async () => {
    const { port, next } = await startReader(10);
    const raw = await openRaw(port);
    await raw.write('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const outcome = next();
    await raw.write('b\r\nhello world\r\n');
    expect(await outcome).toEqual({ code: 'too_large' });
    expect((await raw.answer)?.status).toBe(413);
    raw.close();
  });

  it('reports a client that disconnects mid-body as aborted', async () => {
    const { port, next } = await startReader(100);
    const raw = await openRaw(port);
    const outcome = next();
    await raw.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhalf');
    raw.close();
    expect(await outcome).toEqual({ code: 'aborted' });
  });

  it('reports a request that was already gone before reading started as aborted', async () => {
    let gone: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      gone = resolve;
    });
    const { port, next } = await startReader(100, async (req) => {
      req.once('close', gone);
      await closed;
    });
    const raw = await openRaw(port);
    const outcome = next();
    await raw.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhalf');
    raw.close();
    expect(await outcome).toEqual({ code: 'aborted' });
  });
});
