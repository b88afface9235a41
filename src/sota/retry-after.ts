/** Longest wait we believe from a header; anything beyond is a misread, not advice. */
const MAX_WAIT_SECONDS = 86_400;

function clampSeconds(seconds: number): number {
  return Math.min(MAX_WAIT_SECONDS, Math.max(0, Math.ceil(seconds)));
}

/** `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return clampSeconds(Number(text));
  const at = Date.parse(text);
  if (!/[a-z]/i.test(text) || Number.isNaN(at)) return undefined;
  return clampSeconds((at - nowMs) / 1000);
}

/**
 * `X-RateLimit-Reset`: sota.io's example (`1709312400`) looks like epoch seconds; the unit is not
 * documented, so epoch milliseconds and a plain seconds delta are read too.
 */
export function parseRateLimitReset(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  if (n >= 1e12) return clampSeconds((n - nowMs) / 1000);
  if (n >= 1e9) return clampSeconds(n - nowMs / 1000);
  return clampSeconds(n);
}

/**
 * Seconds to wait before calling again, from `Retry-After`, or for a 429 without it from
 * `X-RateLimit-Reset` (sent on every response, so only meaningful once rate limited).
 */
export function retryAfterSeconds(status: number, headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  const fromRetryAfter = retryAfter === null ? undefined : parseRetryAfter(retryAfter, nowMs);
  if (fromRetryAfter !== undefined || status !== 429) return fromRetryAfter;
  const reset = headers.get('x-ratelimit-reset');
  return reset === null ? undefined : parseRateLimitReset(reset, nowMs);
}
