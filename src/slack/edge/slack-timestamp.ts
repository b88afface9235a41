/** Slack's window: a request signed more than five minutes away from now, either way, is refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** Canonical integer seconds: digits only, no sign, no leading zero, no exponent, no fraction. */
const CANONICAL_SECONDS = /^(0|[1-9][0-9]{0,14})$/;

/**
 * Reads `X-Slack-Request-Timestamp` with the one grammar the app accepts. Anything else (`+T`,
 * `T.0`, `000T`, `1e10`, a repeated header) is undefined, which the edge answers with 401.
 */
export function parseSlackTimestamp(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string' || !CANONICAL_SECONDS.test(header)) return undefined;
  return Number(header);
}

/** True when `seconds` lies within the window around `nowMs`, in the past and in the future alike. */
export function isWithinSlackWindow(seconds: number, nowMs: number): boolean {
  return Math.abs(seconds - Math.floor(nowMs / 1000)) <= SLACK_TIMESTAMP_WINDOW_SECONDS;
}
