import type { FailureKind } from '../net/failure-kind.js';

/** Stable codes for every way a sota.io call can fail. Branch on these, never on message text. */
export const SotaErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  invalid: 'invalid',
  rateLimited: 'rate_limited',
  serverError: 'server_error',
  /** Any other status (3xx, 405, 418, …): sota.io documents none of them. */
  unexpectedStatus: 'unexpected_status',
  timeout: 'timeout',
  network: 'network',
  malformedResponse: 'malformed_response',
} as const;

export type SotaErrorCode = (typeof SotaErrorCode)[keyof typeof SotaErrorCode];

const CODE_BY_STATUS: Readonly<Record<number, SotaErrorCode>> = {
  400: SotaErrorCode.badRequest,
  401: SotaErrorCode.unauthorized,
  403: SotaErrorCode.forbidden,
  404: SotaErrorCode.notFound,
  409: SotaErrorCode.conflict,
  422: SotaErrorCode.invalid,
  429: SotaErrorCode.rateLimited,
};

/** The error code for a non-2xx HTTP status. */
export function sotaErrorCodeForStatus(status: number): SotaErrorCode {
  const known = CODE_BY_STATUS[status];
  if (known) return known;
  if (status >= 500 && status <= 599) return SotaErrorCode.serverError;
  return SotaErrorCode.unexpectedStatus;
}

export interface SotaApiErrorInit {
  /** HTTP status, or 0 when no answer arrived (timeout, network). */
  status: number;
  code: SotaErrorCode;
  message: string;
  /** The body's `error.code`, when sota.io sent one. */
  apiCode?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** When no answer arrived: refused, timeout, TLS, DNS or reset. */
  failure?: FailureKind | undefined;
  method: string;
  /** Request path with query, e.g. `/v1/projects?limit=100`. Never holds a credential. */
  path: string;
}

/**
 * The one error every sota.io call throws. Its message comes from the body's `error.message` when
 * present, otherwise a short description; it never carries the API token or a webhook secret.
 */
export class SotaApiError extends Error {
  override readonly name = 'SotaApiError';
  readonly status: number;
  readonly code: SotaErrorCode;
  readonly apiCode: string | undefined;
  readonly retryAfterSeconds?: number;
  readonly method: string;
  readonly path: string;
  readonly failure: FailureKind | undefined;

  constructor(init: SotaApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.apiCode = init.apiCode;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    this.method = init.method;
    this.path = init.path;
    this.failure = init.failure;
  }
}

export function isSotaApiError(err: unknown): err is SotaApiError {
  return err instanceof SotaApiError;
}
