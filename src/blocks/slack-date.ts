/** A moment shown with Slack's date token (each reader sees local time) and its UTC fallback. */
export interface SlackDate {
  /** `<!date^UNIX^{date_short_pretty} at {time}|2026-02-25 14:30 UTC>` */
  token: string;
  /** `2026-02-25 14:30 UTC`, for plain-text places. */
  fallback: string;
  /** Milliseconds since the epoch. */
  ms: number;
}

const MAX_YEAR = 9999;

/** Parses an ISO-8601 timestamp; undefined when it is not a date we can show. */
export function toSlackDate(iso: string | undefined): SlackDate | undefined {
  if (iso === undefined || iso.length > 64) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 0 || year > MAX_YEAR) return undefined;
  const fallback = `${formatUtc(date)} UTC`;
  const unix = Math.floor(ms / 1000);
  return { token: `<!date^${unix}^{date_short_pretty} at {time}|${fallback}>`, fallback, ms };
}

function formatUtc(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
