import type { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { describeFailureKind, failureKind } from '../net/failure-kind.js';
import { SotaApiError, type SotaApiErrorInit, SotaErrorCode, sotaErrorCodeForStatus } from './api-error.js';
import { errorBodySchema } from './api-schemas.js';
import { type KeyPacer, PacerBusyError } from './key-pacer.js';
import { redactCredentials } from './redact-credentials.js';
import { retryAfterSeconds } from './retry-after.js';

export interface SotaTransportOptions {
  /** Origin of the API, e.g. `https://api.sota.io`; request paths start with `/v1`. */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger?: Logger | undefined;
  /** Clock in epoch milliseconds, for reading `Retry-After` dates and reset times. */
  now: () => number;
  /** The key's shared bucket; each request takes a token first, and a 429 holds it. */
  pacer?: KeyPacer | undefined;
  /** Longest wait for a token before the call fails as rate limited (without being sent). */
  paceMaxWaitMs?: number | undefined;
}

/** Without `Retry-After` or a reset time, a 429 holds the key this long. */
const DEFAULT_429_HOLD_MS = 60_000;

export interface SotaRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path starting with `/v1`, already URL-encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** Sends each request once. It never retries: the caller (or the person) decides to try again. */
export interface SotaTransport {
  /** The body of a 2xx answer, checked against `schema`; otherwise a SotaApiError. */
  json<T>(request: SotaRequest, schema: z.ZodType<T>): Promise<T>;
  /** The status of a 2xx answer or of one of `tolerated`; otherwise a SotaApiError. */
  status(request: SotaRequest, tolerated: readonly number[]): Promise<number>;
  /** The body of a 2xx answer as text, with its content type; otherwise a SotaApiError. */
  text(request: SotaRequest): Promise<{ text: string; contentType: string }>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

type ErrorFields = Omit<SotaApiErrorInit, 'method' | 'path'>;

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function pathWithQuery(request: SotaRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${request.path}?${query}` : request.path;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** Why fetch threw, by kind (refused, timeout, TLS, DNS, reset), without its cause object (never shown or logged whole). */
function transportFields(err: unknown, where: string, timeoutMs: number): ErrorFields {
  const kind = failureKind(err);
  if (kind === 'timeout') {
    return {
      status: 0,
      code: SotaErrorCode.timeout,
      failure: kind,
      message: `sota.io did not answer ${where} within ${timeoutMs} ms (timeout)`,
    };
  }
  const why = kind ? describeFailureKind(kind) : 'no answer';
  return {
    status: 0,
    code: SotaErrorCode.network,
    failure: kind,
    message: `could not reach sota.io for ${where}: ${why}`,
  };
}

function malformedFields(answer: Answer, parsed: unknown, issuePath: readonly PropertyKey[]): ErrorFields {
  const where = issuePath.length > 0 ? issuePath.map(String).join('.') : 'the top level';
  const why = parsed === NOT_JSON ? 'the body is not JSON' : `unexpected shape at ${where}`;
  return {
    status: answer.status,
    code: SotaErrorCode.malformedResponse,
    message: `sota.io sent an unreadable answer: ${why}`,
  };
}

export function createSotaTransport(options: SotaTransportOptions): SotaTransport {
  const { logger, now, timeoutMs } = options;
  const secrets = [options.token];

  function fail(request: SotaRequest, path: string, fields: ErrorFields): SotaApiError {
    logger?.warn(
      {
        service: 'sota.io',
        method: request.method,
        path,
        status: fields.status,
        code: fields.code,
        failure: fields.failure,
      },
      fields.status === 0 ? fields.message : 'sota.io call failed',
    );
    return new SotaApiError({ ...fields, method: request.method, path });
  }

  function statusFields(request: SotaRequest, path: string, answer: Answer): ErrorFields {
    const body = errorBodySchema.safeParse(parseJson(answer.text));
    const error = body.success ? body.data.error : undefined;
    const message = redactCredentials(error?.message ?? '', secrets);
    return {
      status: answer.status,
      code: sotaErrorCodeForStatus(answer.status),
      message: message || `sota.io answered ${answer.status} to ${request.method} ${path}`,
      apiCode: error?.code === undefined ? undefined : redactCredentials(error.code, secrets),
      retryAfterSeconds: retryAfterSeconds(answer.status, answer.headers, now()),
    };
  }

  async function pace(request: SotaRequest, path: string): Promise<void> {
    try {
      await options.pacer?.acquire(options.paceMaxWaitMs ?? 10_000);
    } catch (err) {
      if (!(err instanceof PacerBusyError)) throw err;
      const retryAfterSeconds = Math.ceil(err.waitMs / 1000);
      throw fail(request, path, {
        status: 0,
        code: SotaErrorCode.rateLimited,
        message: `sota.io's rate limit for this key is used up; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      });
    }
  }

  function holdAfter429(answer: Answer): void {
    if (answer.status !== 429 || !options.pacer) return;
    const seconds = retryAfterSeconds(429, answer.headers, now());
    options.pacer.holdUntil(now() + (seconds === undefined ? DEFAULT_429_HOLD_MS : seconds * 1000));
  }

  async function send(request: SotaRequest, path: string): Promise<Answer> {
    await pace(request, path);
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const started = now();
    try {
      const response = await options.fetch(`${options.baseUrl}${path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      logger?.debug(
        { method: request.method, path, status: response.status, ms: now() - started },
        'sota.io call',
      );
      const answer = { status: response.status, headers: response.headers, text };
      holdAfter429(answer);
      return answer;
    } catch (err) {
      throw fail(request, path, transportFields(err, `${request.method} ${path}`, timeoutMs));
    }
  }

  return {
    async json<T>(request: SotaRequest, schema: z.ZodType<T>): Promise<T> {
      const path = pathWithQuery(request);
      const answer = await send(request, path);
      if (!isSuccess(answer.status)) throw fail(request, path, statusFields(request, path, answer));
      const parsed = parseJson(answer.text);
      const checked = schema.safeParse(parsed);
      if (checked.success) return checked.data;
      throw fail(request, path, malformedFields(answer, parsed, checked.error.issues[0]?.path ?? []));
    },
    async text(request: SotaRequest) {
      const path = pathWithQuery(request);
      const answer = await send(request, path);
      if (!isSuccess(answer.status)) throw fail(request, path, statusFields(request, path, answer));
      return { text: answer.text, contentType: answer.headers.get('content-type') ?? '' };
    },
    async status(request: SotaRequest, tolerated: readonly number[]): Promise<number> {
      const path = pathWithQuery(request);
      const answer = await send(request, path);
      if (isSuccess(answer.status) || tolerated.includes(answer.status)) return answer.status;
      throw fail(request, path, statusFields(request, path, answer));
    },
  };
}
