import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailureKind, failureKind } from '../../src/net/failure-kind.js';
import { closedPort } from '../helpers/closed-port.js';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return;
    res.end('plain http');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function fetchError(url: string, timeoutMs = 5000): Promise<unknown> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    return err;
  }
  throw new Error(`${url} answered`);
}

describe('failureKind', () => {
  it('a closed port is "refused"', async () => {
    expect(failureKind(await fetchError(`http://127.0.0.1:${await closedPort()}/`))).toBe('refused');
  });

  it('https:// to a plain HTTP server is "TLS"', async () => {
    expect(failureKind(await fetchError(`https://127.0.0.1:${port}/`))).toBe('TLS');
  });

  it('a server that never answers is "timeout"', async () => {
    expect(failureKind(await fetchError(`http://127.0.0.1:${port}/hang`, 100))).toBe('timeout');
  });

  it('an unknown host is "DNS", looking through the error it wraps', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND api.sota.example'), { code: 'ENOTFOUND' });
    expect(failureKind(new TypeError('fetch failed', { cause }))).toBe('DNS');
    expect(failureKind({ code: 'slack_webapi_request_error', original: cause })).toBe('DNS');
  });

  it('an answer that is an error of another kind is none of them', () => {
    expect(failureKind(new Error('invalid_auth'))).toBeUndefined();
    expect(describeFailureKind('refused')).toBe('connection refused');
  });
});
