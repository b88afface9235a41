import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { SotaApiError } from '../../src/sota/api-error.js';
import { createSotaClient, type SotaClient } from '../../src/sota/client.js';
import { type FakeSota, type FakeSotaFailure, startFakeSota } from '../fakes/fake-sota.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

let fake: FakeSota;
let client: SotaClient;
let logLines: string[];

function captureLogs(): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
}

async function failureOf(call: Promise<unknown>): Promise<SotaApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SotaApiError)) throw new Error(`expected a SotaApiError, got ${String(error)}`);
  return error;
}

function expectNoToken(error: SotaApiError): void {
  for (const text of [
    error.message,
    String(error),
    inspect(error),
    JSON.stringify(error),
    error.stack ?? '',
  ]) {
    expect(text).not.toContain(fake.token);
  }
}

beforeEach(async () => {
  fake = await startFakeSota();
  logLines = [];
  const logger = createLogger('debug', captureLogs());
  client = createSotaClient({ baseUrl: fake.url, token: fake.token, logger, now: () => NOW });
});

afterEach(async () => {
  await fake.close();
  for (const line of logLines) expect(line).not.toContain(fake.token);
});

describe('error statuses', () => {
  const cases = [
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'invalid'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [503, 'server_error'],
  ] as const;

  it.each(cases)('%i maps to %s with the body message and code', async (status, code) => {
    const body = { error: { message: `message for ${status}`, code: `api_${status}` } };
    fake.failNext('GET /v1/projects', { kind: 'status', status, body });

    const error = await failureOf(client.listProjects());

    expect(error).toMatchObject({ status, code, apiCode: `api_${status}`, method: 'GET' });
    expect(error.message).toBe(`message for ${status}`);
    expect(error.path).toBe('/v1/projects?limit=100');
    expectNoToken(error);
  });

  it('a token the server does not know gets unauthorized from the real auth check', async () => {
    const stranger = createSotaClient({ baseUrl: fake.url, token: 'sota_ffffffffffffffff' });
    const error = await failureOf(stranger.listProjects());
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', apiCode: 'unauthorized' });
    expect(error.message).not.toContain('sota_ffffffffffffffff');
  });

  it('an unknown project gets not_found', async () => {
    const error = await failureOf(client.createWebhook('nope', 'https://x', ['deploy.failed']));
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'Project not found' });
  });

  it('a non-JSON error body gets a generic message; an undocumented status gets unexpected_status', async () => {
    const html = {
      kind: 'status',
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    };
    fake.failNext('*', html as FakeSotaFailure);
    const gateway = await failureOf(client.listProjects());
    expect(gateway).toMatchObject({ status: 502, code: 'server_error', apiCode: undefined });
    expect(gateway.message).toBe('sota.io answered 502 to GET /v1/projects?limit=100');

    fake.failNext('*', { kind: 'status', status: 418 });
    expect(await failureOf(client.listProjects())).toMatchObject({ status: 418, code: 'unexpected_status' });
  });

  it('a redirect is not followed', async () => {
    fake.failNext('*', {
      kind: 'status',
      status: 302,
      headers: { location: 'http://127.0.0.1:1/elsewhere' },
    });
    expect(await failureOf(client.listProjects())).toMatchObject({ status: 302, code: 'unexpected_status' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('rate limiting', () => {
  it('reads Retry-After in seconds', async () => {
    fake.failNext('*', { kind: 'rate-limit', retryAfter: 42, message: 'Slow down' });
    const error = await failureOf(client.listProjects());
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterSeconds: 42,
      message: 'Slow down',
    });
  });

  it('reads Retry-After as an HTTP date', async () => {
    fake.failNext('*', { kind: 'rate-limit', retryAfter: new Date(NOW + 90_000).toUTCString() });
    expect(await failureOf(client.listProjects())).toMatchObject({ retryAfterSeconds: 90 });
  });

  it('falls back to X-RateLimit-Reset (epoch seconds) without Retry-After', async () => {
    fake.failNext('*', { kind: 'rate-limit', resetAt: NOW / 1000 + 17 });
    expect(await failureOf(client.listProjects())).toMatchObject({ retryAfterSeconds: 17 });
  });

  it('leaves retryAfterSeconds unset on other errors despite X-RateLimit-Reset on every answer', async () => {
    fake.failNext('*', { kind: 'status', status: 500 });
    const error = await failureOf(client.listProjects());
    expect(error.retryAfterSeconds).toBeUndefined();
  });
});

describe('no answer', () => {
  it('a hanging server gives timeout with status 0', async () => {
    const impatient = createSotaClient({ baseUrl: fake.url, token: fake.token, timeoutMs: 50 });
    fake.failNext('*', { kind: 'hang' });
    const error = await failureOf(impatient.listProjects());
    expect(error).toMatchObject({ code: 'timeout', status: 0, failure: 'timeout' });
    expect(error.message).toContain('within 50 ms');
    expectNoToken(error);
  });

  it('a reset connection gives network with status 0', async () => {
    fake.failNext('*', { kind: 'reset' });
    const error = await failureOf(client.listProjects());
    expect(error).toMatchObject({ code: 'network', status: 0, failure: 'reset' });
    expect(fake.requests).toHaveLength(1);
    expectNoToken(error);
  });

  it('a closed port gives network', async () => {
    const url = fake.url;
    await fake.close();
    fake = await startFakeSota();
    const error = await failureOf(createSotaClient({ baseUrl: url, token: fake.token }).listProjects());
    expect(error).toMatchObject({ code: 'network', status: 0, failure: 'refused' });
    expect(error.message).toMatch(/^could not reach sota.io for GET \/v1\/projects\S*: connection refused$/);
  });
});

describe('unreadable answers', () => {
  it('malformed JSON on a 2xx is malformed_response', async () => {
    fake.failNext('*', { kind: 'malformed-json' });
    const error = await failureOf(client.listProjects());
    expect(error).toMatchObject({ code: 'malformed_response', status: 200 });
    expect(error.message).toContain('not JSON');
  });

  it('valid JSON of the wrong shape is malformed_response on every call', async () => {
    fake.failAlways('*', { kind: 'wrong-shape' });
    const calls = [
      () => client.listProjects(),
      () => client.createWebhook('p', 'https://x', ['deploy.failed']),
      () => client.listDeployments('p'),
    ];
    for (const call of calls) {
      expect(await failureOf(call())).toMatchObject({ code: 'malformed_response' });
    }
    expect(fake.requests).toHaveLength(3);
  });

  it('an item with a wrong field type names where the shape broke', async () => {
    const body = { data: [{ id: 'p1', name: 7, slug: 'x' }] };
    fake.failNext('*', { kind: 'wrong-shape', body });
    const error = await failureOf(client.listProjects());
    expect(error.message).toContain('data.0.name');
  });
});

describe('the token stays secret', () => {
  it('is removed when the server echoes it (or any credential) in an error message', async () => {
    const message = `key ${fake.token} rejected; also whsec_abcdef and sota_1234abcd`;
    fake.failNext('*', { kind: 'status', status: 403, body: { error: { message, code: fake.token } } });
    const error = await failureOf(client.listProjects());
    expect(error.message).toBe('key [redacted] rejected; also [redacted] and [redacted]');
    expect(error.apiCode).toBe('[redacted]');
    expectNoToken(error);
  });

  it('never reaches a log line, while calls and failures are logged', async () => {
    fake.addProject({ name: 'One' });
    await client.listProjects();
    fake.failNext('*', { kind: 'status', status: 401 });
    await failureOf(client.listProjects());
    expect(logLines.some((line) => line.includes('"status":200'))).toBe(true);
    expect(logLines.some((line) => line.includes('"code":"unauthorized"'))).toBe(true);
  });
});
