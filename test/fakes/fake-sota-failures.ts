/**
 * Failure rules of the fake sota.io server: which requests fail and how. Used by fake-sota.ts.
 */
import type { FakeReply } from './fake-sota-state.js';

/** Which requests a rule applies to: `'GET /v1/projects'`, `'* /v1/projects/:id/webhooks'`, `'DELETE *'`,
 * or `{ method?, path? }` where path is such a pattern or a RegExp over the path (no query). */
export type FakeSotaMatcher = string | { method?: string; path?: string | RegExp };

/** How a matching request fails. */
export type FakeSotaFailure =
  /** Answer `status` with `body` (default: sota.io's error envelope for that status; a string is sent raw). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** 429 with `Retry-After: retryAfter` and/or `X-RateLimit-Reset: resetAt` (default Retry-After 30). */
  | { kind: 'rate-limit'; retryAfter?: number | string; resetAt?: number; message?: string }
  /** Wait `ms`, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** Answer normally once `until` settled (the caller decides when sota.io answers). */
  | { kind: 'gate'; until: Promise<unknown> }
  /** Never answer; the connection stays open until the client gives up or the fake closes. */
  | { kind: 'hang' }
  /** Destroy the connection without an answer. */
  | { kind: 'reset' }
  /** A 2xx (default 200) with `Content-Type: application/json` and a body that is not JSON. */
  | { kind: 'malformed-json'; status?: number }
  /** A 2xx (default 200) with valid JSON of the wrong shape (default `{"result":"ok"}`). */
  | { kind: 'wrong-shape'; status?: number; body?: unknown };

interface Rule {
  method: string | undefined;
  path: RegExp | undefined;
  failure: FakeSotaFailure;
  remaining: number;
}

function patternToRegExp(pattern: string): RegExp | undefined {
  if (pattern === '*' || pattern === '') return undefined;
  const segments = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':') || segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${segments.join('/')}/?$`);
}

function compile(matcher: FakeSotaMatcher, failure: FakeSotaFailure, remaining: number): Rule {
  if (typeof matcher === 'string') {
    const [first = '*', ...rest] = matcher.trim().split(/\s+/);
    const [method, path] = rest.length > 0 ? [first, rest.join(' ')] : ['*', first];
    return {
      method: method === '*' ? undefined : method.toUpperCase(),
      path: patternToRegExp(path),
      failure,
      remaining,
    };
  }
  const path = matcher.path instanceof RegExp ? matcher.path : patternToRegExp(matcher.path ?? '*');
  return { method: matcher.method?.toUpperCase(), path, failure, remaining };
}

/** An ordered list of rules; the first live rule matching a request decides its failure. */
export class FailureRules {
  #rules: Rule[] = [];

  add(matcher: FakeSotaMatcher, failure: FakeSotaFailure, times: number): void {
    if (!(times > 0)) throw new RangeError('times must be positive (Infinity for every call)');
    this.#rules.push(compile(matcher, failure, times));
  }

  clear(): void {
    this.#rules = [];
  }

  /** The failure for this request, using up one of the rule's turns; undefined when none applies. */
  take(method: string, path: string): FakeSotaFailure | undefined {
    const rule = this.#rules.find(
      (r) =>
        r.remaining > 0 && (r.method === undefined || r.method === method) && (!r.path || r.path.test(path)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.failure;
  }
}

const DEFAULT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: 'Bad request' },
  401: { code: 'unauthorized', message: 'Invalid or missing API key' },
  403: { code: 'forbidden', message: 'Insufficient permissions' },
  404: { code: 'not_found', message: 'Not found' },
  405: { code: 'method_not_allowed', message: 'Method not allowed' },
  409: { code: 'conflict', message: 'Conflict' },
  422: { code: 'validation_error', message: 'Validation failed' },
  429: { code: 'rate_limited', message: 'Too many requests' },
  500: { code: 'internal_error', message: 'Internal server error' },
  503: { code: 'service_unavailable', message: 'Service unavailable' },
};

/** sota.io's documented error envelope, `{ error: { message, code } }`. */
export function errorBody(status: number, message?: string, code?: string): unknown {
  const fallback = DEFAULT_ERRORS[status] ?? { code: 'error', message: `HTTP ${status}` };
  return { error: { message: message ?? fallback.message, code: code ?? fallback.code } };
}

/** The reply for a failure that answers (everything but hang, reset, delay and gate). */
export function failureReply(
  failure: Exclude<FakeSotaFailure, { kind: 'hang' | 'reset' | 'delay' | 'gate' }>,
): FakeReply {
  switch (failure.kind) {
    case 'status':
      return {
        status: failure.status,
        body: failure.body ?? errorBody(failure.status),
        headers: failure.headers ?? {},
      };
    case 'rate-limit': {
      const headers: Record<string, string> = { 'x-ratelimit-remaining': '0' };
      if (failure.resetAt !== undefined) headers['x-ratelimit-reset'] = String(failure.resetAt);
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      else if (failure.resetAt === undefined) headers['retry-after'] = '30';
      return { status: 429, body: errorBody(429, failure.message), headers };
    }
    case 'malformed-json':
      return { status: failure.status ?? 200, body: '{"data": [{"id": ' };
    case 'wrong-shape':
      return { status: failure.status ?? 200, body: failure.body ?? { result: 'ok' } };
  }
}
