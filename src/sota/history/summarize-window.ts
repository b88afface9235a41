import { type DeploymentRecord, durationOf, finishedOnly, recordTime } from './deployment-history.js';
import { median } from './usual-duration.js';

/** What happened to one project within a time window (a day for a digest, a mute's span). */
export interface WindowSummary {
  /** Deployments that started or finished within the window. */
  deployments: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed), 0..1; undefined when none finished. */
  successRate?: number | undefined;
  /** Median duration of the deployments that finished within the window. */
  medianDurationMs?: number | undefined;
  /** The longest time within the window that the project's last outcome was a failure. */
  longestBrokenMs?: number | undefined;
  /** The newest deployment of the window. */
  latest?: DeploymentRecord | undefined;
}

const within = (ms: number | undefined, from: number, to: number) =>
  ms !== undefined && ms >= from && ms < to;

/** Summarises [fromMs, toMs) of a history (which may reach further back, for the broken spans). */
export function summarizeWindow(
  history: readonly DeploymentRecord[],
  fromMs: number,
  toMs: number,
): WindowSummary {
  const inWindow = history.filter(
    (r) => within(r.startedAt, fromMs, toMs) || within(r.finishedAt, fromMs, toMs),
  );
  const finished = finishedOnly(inWindow).filter((r) => within(r.finishedAt, fromMs, toMs));
  const succeeded = finished.filter((r) => r.outcome === 'succeeded').length;
  const failed = finished.length - succeeded;
  const durations = finished.map(durationOf).filter((ms): ms is number => ms !== undefined);
  const latest = inWindow.reduce<DeploymentRecord | undefined>(
    (best, r) => (best === undefined || recordTime(r) >= recordTime(best) ? r : best),
    undefined,
  );
  return {
    deployments: inWindow.length,
    succeeded,
    failed,
    successRate: finished.length > 0 ? succeeded / finished.length : undefined,
    medianDurationMs: median(durations),
    longestBrokenMs: longestBroken(history, fromMs, toMs),
    latest,
  };
}

/** The longest span, clipped to the window, from a break to the next recovery (or the window's end). */
export function longestBroken(
  history: readonly DeploymentRecord[],
  fromMs: number,
  toMs: number,
): number | undefined {
  let longest: number | undefined;
  let brokenSince: number | undefined;
  const close = (end: number) => {
    if (brokenSince === undefined) return;
    const span = Math.min(end, toMs) - Math.max(brokenSince, fromMs);
    if (span > 0 && (longest === undefined || span > longest)) longest = span;
    brokenSince = undefined;
  };
  for (const r of finishedOnly(history)) {
    if (r.finishedAt >= toMs) break;
    if (r.outcome === 'failed' && brokenSince === undefined) brokenSince = r.finishedAt;
    if (r.outcome === 'succeeded') close(r.finishedAt);
  }
  close(toMs);
  return longest;
}
