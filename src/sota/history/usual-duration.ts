import { type DeploymentRecord, durationOf, finishedOnly } from './deployment-history.js';

/** How many recent successful deployments make "the usual", and how few are too few. */
export const USUAL_SAMPLE = 20;
export const USUAL_MIN_SAMPLE = 3;
/** More than this many times the usual is "slower than usual". */
export const SLOWER_FACTOR = 2;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The project's usual duration: the median of its last 20 successful deployments with a known
 * duration, finished before `beforeMs` and other than `exclude`; undefined with fewer than 3.
 */
export function usualDurationMs(
  history: readonly DeploymentRecord[],
  options: { exclude?: string; beforeMs?: number } = {},
): number | undefined {
  const durations: number[] = [];
  const finished = finishedOnly(history);
  for (let i = finished.length - 1; i >= 0 && durations.length < USUAL_SAMPLE; i--) {
    const r = finished[i];
    if (r?.outcome !== 'succeeded' || r.deploymentId === options.exclude) continue;
    if (options.beforeMs !== undefined && r.finishedAt > options.beforeMs) continue;
    const ms = durationOf(r);
    if (ms !== undefined) durations.push(ms);
  }
  return durations.length >= USUAL_MIN_SAMPLE ? median(durations) : undefined;
}

export function isSlowerThanUsual(durationMs: number | undefined, usualMs: number | undefined): boolean {
  return durationMs !== undefined && usualMs !== undefined && durationMs > SLOWER_FACTOR * usualMs;
}
