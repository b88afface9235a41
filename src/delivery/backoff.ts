const BASE_MS = 1000;
const FACTOR = 2;
const CAP_MS = 5 * 60_000;

/**
 * Delay before retry number `attempt` (1 = the first retry): exponential from 1 s, doubling each time,
 * capped at 5 minutes, with jitter so the delay falls between 50 % and 100 % of that step.
 */
export function computeBackoff(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const step = Math.min(CAP_MS, BASE_MS * FACTOR ** Math.min(n - 1, 30));
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(step * (0.5 + 0.5 * jitter));
}
