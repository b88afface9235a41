import { ErrorCode } from '@slack/web-api';

/** The Slack error code of a failed Web API call (`channel_not_found`, …), or a short transport word. */
export function slackErrorCode(err: unknown): string {
  if (typeof err !== 'object' || err === null || !('code' in err)) return 'unknown_error';
  const { code } = err as { code: unknown };
  if (code === ErrorCode.PlatformError) {
    const data = (err as { data?: { error?: unknown } }).data;
    return typeof data?.error === 'string' ? data.error : 'unknown_error';
  }
  if (code === ErrorCode.RateLimitedError) return 'ratelimited';
  if (code === ErrorCode.HTTPError) return 'http_error';
  if (code === ErrorCode.RequestError) return 'request_error';
  return 'unknown_error';
}
