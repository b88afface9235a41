import { ErrorCode } from '@slack/web-api';

/** What a permanent Slack error pauses: the whole workspace, one channel, or one subscription. */
export type PauseScope = 'workspace' | 'channel' | 'subscription';

/** Slack error codes that no retry can fix, and what each one pauses. */
export const PERMANENT_SLACK_ERRORS = {
  invalid_auth: 'workspace',
  token_revoked: 'workspace',
  account_inactive: 'workspace',
  not_authed: 'workspace',
  channel_not_found: 'channel',
  not_in_channel: 'channel',
  is_archived: 'channel',
  missing_scope: 'channel',
  invalid_blocks: 'subscription',
  msg_too_long: 'subscription',
} as const satisfies Record<string, PauseScope>;

export type SlackErrorClass =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'permanent'; code: string; scope: PauseScope }
  | { kind: 'transient'; code: string };

const MIN_RATE_LIMIT_MS = 1000;
const MAX_CODE_LENGTH = 80;

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null ? (value as Loose) : undefined;
}

function rateLimited(retryAfterSeconds: unknown): SlackErrorClass {
  const seconds = Number(retryAfterSeconds);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : 0;
  return { kind: 'rate_limited', retryAfterMs: Math.max(MIN_RATE_LIMIT_MS, ms) };
}

function fromPlatformError(data: Loose | undefined): SlackErrorClass {
  const raw = typeof data?.error === 'string' && data.error !== '' ? data.error : 'unknown_platform_error';
  const code = raw.slice(0, MAX_CODE_LENGTH);
  if (Object.hasOwn(PERMANENT_SLACK_ERRORS, code)) {
    return {
      kind: 'permanent',
      code,
      scope: PERMANENT_SLACK_ERRORS[code as keyof typeof PERMANENT_SLACK_ERRORS],
    };
  }
  if (code === 'ratelimited' || code === 'rate_limited') {
    return rateLimited(asRecord(data?.response_metadata)?.retryAfter);
  }
  return { kind: 'transient', code };
}

function fromRequestError(original: unknown): SlackErrorClass {
  const name = asRecord(original)?.name;
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  return { kind: 'transient', code: timedOut ? 'timeout' : 'request_error' };
}

/**
 * Sorts an error thrown by `@slack/web-api` (client retries off, rate-limited calls rejected) into what the
 * delivery queue does next: wait for Retry-After, pause for good, or retry with backoff.
 */
export function classifySlackError(err: unknown): SlackErrorClass {
  const e = asRecord(err);
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return rateLimited(e.retryAfter);
    case ErrorCode.PlatformError:
      return fromPlatformError(asRecord(e.data));
    case ErrorCode.HTTPError:
      return { kind: 'transient', code: `http_${Number(e.statusCode) || 0}` };
    case ErrorCode.RequestError:
      return fromRequestError(e.original);
    default:
      return { kind: 'transient', code: 'unexpected_error' };
  }
}
