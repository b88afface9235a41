import { describeFailureKind } from '../net/failure-kind.js';
import { isSotaApiError, type SotaApiError, SotaErrorCode } from './api-error.js';

const NOT_ANSWERING = 'sota.io is not answering right now — try again in a minute';

/** No answer at all: which call, and how it failed (connection refused, timeout, TLS, DNS). */
function notReached(err: SotaApiError): string {
  const how = err.failure ? describeFailureKind(err.failure) : 'no answer';
  return `sota.io is not answering right now (${err.method} ${err.path.split('?')[0]}: ${how}) — try again in a minute`;
}

function waitPhrase(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a minute';
  if (seconds <= 1) return 'in a second';
  return `in ${seconds} seconds`;
}

function rejected(err: SotaApiError, advice: string): string {
  const detail = err.message.trim().replace(/[.\s]+$/, '');
  return detail
    ? `sota.io rejected the request (${detail}) — ${advice}`
    : `sota.io rejected the request — ${advice}`;
}

/**
 * A short sentence for a person (Slack reply, CLI output) saying what went wrong with sota.io and
 * what to do next. Anything that is not a SotaApiError gets the generic "try again" sentence.
 */
export function describeSotaError(err: unknown): string {
  if (!isSotaApiError(err)) return 'Something went wrong talking to sota.io — try again in a minute';
  switch (err.code) {
    case SotaErrorCode.unauthorized:
      return 'sota.io did not accept the API key — run /sota connect with a valid key';
    case SotaErrorCode.forbidden:
      return 'The sota.io API key may not do this — use a key of an account that owns the project';
    case SotaErrorCode.notFound:
      return 'sota.io could not find that project — check the project id or slug';
    case SotaErrorCode.badRequest:
    case SotaErrorCode.invalid:
      return rejected(err, 'check the project and event names');
    case SotaErrorCode.conflict:
      return rejected(err, 'check the project on sota.io, then try again');
    case SotaErrorCode.rateLimited:
      return `sota.io is rate limiting requests — try again ${waitPhrase(err.retryAfterSeconds)}`;
    case SotaErrorCode.malformedResponse:
      return 'sota.io sent an answer this app cannot read — try again later; if it persists, the API may have changed';
    case SotaErrorCode.unexpectedStatus:
      return `sota.io answered with an unexpected HTTP ${err.status} — try again later`;
    case SotaErrorCode.timeout:
    case SotaErrorCode.network:
      return notReached(err);
    default:
      return NOT_ANSWERING;
  }
}
