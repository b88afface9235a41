import { describe, expect, it } from 'vitest';
import { SotaApiError, type SotaErrorCode } from '../../src/sota/api-error.js';
import { createSotaClient } from '../../src/sota/client.js';
import { describeSotaError } from '../../src/sota/describe-sota-error.js';
import { startFakeSota } from '../fakes/fake-sota.js';

function errorWith(
  code: SotaErrorCode,
  extra: Partial<{ status: number; message: string; retry: number }> = {},
) {
  return new SotaApiError({
    status: extra.status ?? 0,
    code,
    message: extra.message ?? '',
    retryAfterSeconds: extra.retry,
    method: 'GET',
    path: '/v1/projects',
  });
}

describe('describeSotaError', () => {
  it('tells the person to reconnect on 401', () => {
    expect(describeSotaError(errorWith('unauthorized', { status: 401 }))).toBe(
      'sota.io did not accept the API key — run /sota connect with a valid key',
    );
  });

  it('gives the wait on 429, in seconds when known', () => {
    expect(describeSotaError(errorWith('rate_limited', { retry: 42 }))).toBe(
      'sota.io is rate limiting requests — try again in 42 seconds',
    );
    expect(describeSotaError(errorWith('rate_limited'))).toBe(
      'sota.io is rate limiting requests — try again in a minute',
    );
  });

  it('says sota.io is not answering for server_error', () => {
    expect(describeSotaError(errorWith('server_error'))).toBe(
      'sota.io is not answering right now — try again in a minute',
    );
  });

  it.each([
    ['refused', 'connection refused'],
    ['timeout', 'no answer in time (timeout)'],
    ['TLS', 'TLS handshake or certificate failed'],
    ['DNS', 'host name not found (DNS)'],
  ] as const)('names the call and the kind of failure when no answer came (%s)', (failure, words) => {
    const err = new SotaApiError({
      status: 0,
      code: 'network',
      message: '',
      failure,
      method: 'GET',
      path: '/v1/projects?limit=100',
    });
    expect(describeSotaError(err)).toBe(
      `sota.io is not answering right now (GET /v1/projects: ${words}) — try again in a minute`,
    );
  });

  it('quotes sota.io’s reason for a rejected request', () => {
    expect(describeSotaError(errorWith('invalid', { message: 'url must be https.' }))).toBe(
      'sota.io rejected the request (url must be https) — check the project and event names',
    );
    expect(describeSotaError(errorWith('conflict'))).toBe(
      'sota.io rejected the request — check the project on sota.io, then try again',
    );
  });

  it('has a distinct sentence for every code', () => {
    const codes: SotaErrorCode[] = [
      'bad_request',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'rate_limited',
      'server_error',
      'unexpected_status',
      'malformed_response',
    ];
    const sentences = new Set(codes.map((code) => describeSotaError(errorWith(code, { status: 418 }))));
    expect(sentences.size).toBe(codes.length);
    for (const sentence of sentences) expect(sentence).toMatch(/ — /);
  });

  it('answers something generic for anything that is not a SotaApiError', () => {
    expect(describeSotaError(new Error('boom'))).toBe(
      'Something went wrong talking to sota.io — try again in a minute',
    );
  });

  it('never repeats the token, even when sota.io echoed it', async () => {
    const fake = await startFakeSota();
    try {
      const body = { error: { message: `bad key ${fake.token}`, code: 'invalid_key' } };
      fake.failNext('*', { kind: 'status', status: 400, body });
      const client = createSotaClient({ baseUrl: fake.url, token: fake.token });
      const error = await client.listProjects().catch((e: unknown) => e);
      const sentence = describeSotaError(error);
      expect(sentence).toBe(
        'sota.io rejected the request (bad key [redacted]) — check the project and event names',
      );
    } finally {
      await fake.close();
    }
  });
});
