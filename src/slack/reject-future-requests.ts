import type { RequestListener } from 'node:http';

/** Slack's window: a request signed more than five minutes away from now is refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** True when the `X-Slack-Request-Timestamp` value is more than five minutes ahead of `nowMs`. */
export function isTimestampAhead(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return false;
  return Number(header) > Math.floor(nowMs / 1000) + SLACK_TIMESTAMP_WINDOW_SECONDS;
}

/**
 * Bolt refuses stale Slack requests but not ones dated in the future; this answers those with 401
 * before Bolt reads them, so the window holds both ways. Everything else goes to `inner` unchanged
 * (including its throw for routes it does not serve).
 */
export function rejectFutureRequests(inner: RequestListener, now: () => number): RequestListener {
  return (req, res) => {
    if (req.method === 'POST' && isTimestampAhead(req.headers['x-slack-request-timestamp'], now())) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    return inner(req, res);
  };
}
