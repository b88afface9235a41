const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short human duration: "42 s", "1 m 42 s", "2 h 5 m", "3 d 4 h". Undefined for a negative or
 * non-finite span (clocks that disagree), so nothing misleading is shown.
 */
export function formatDuration(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const total = Math.round(ms / SECOND) * SECOND;
  if (total < MINUTE) return `${total / SECOND} s`;
  if (total < HOUR) return pair(total, MINUTE, 'm', SECOND, 's');
  if (total < DAY) return pair(total, HOUR, 'h', MINUTE, 'm');
  return pair(total, DAY, 'd', HOUR, 'h');
}

function pair(total: number, big: number, bigUnit: string, small: number, smallUnit: string): string {
  const whole = Math.floor(total / big);
  const rest = Math.floor((total % big) / small);
  return rest === 0 ? `${whole} ${bigUnit}` : `${whole} ${bigUnit} ${rest} ${smallUnit}`;
}

/** The duration between two instants, when both are known. */
export function durationBetween(startMs: number | undefined, endMs: number | undefined): string | undefined {
  if (startMs === undefined || endMs === undefined) return undefined;
  return formatDuration(endMs - startMs);
}

/** A rounded duration for an estimate: "about 40 s", "about 2 m", "about 1 h 5 m". */
export function approximateDuration(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const step = ms < MINUTE ? 10 * SECOND : MINUTE;
  const rounded = Math.max(step, Math.round(ms / step) * step);
  return `about ${formatDuration(rounded)}`;
}
