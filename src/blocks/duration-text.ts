import type { OutcomeChange } from '../sota/history/outcome-change.js';
import type { DeploymentFacts } from './deployment-facts.js';
import { formatDuration } from './format-duration.js';

export const SLOWER_MARK = '🐢 slower than usual';

/** "3 m 10 s (usual 2 m 5 s)", with the slower-than-usual mark; undefined without a duration. */
export function durationWithUsual(facts: DeploymentFacts): string | undefined {
  if (!facts.duration) return undefined;
  const usual = facts.usual ? ` (usual ${facts.usual})` : '';
  return `${facts.duration}${usual}${facts.slower ? ` · ${SLOWER_MARK}` : ''}`;
}

/** "back to normal after 47 m and 3 failed deployments", or why a failure is a break. Plain text. */
export function describeChange(change: OutcomeChange): string {
  if (change.kind === 'broke') {
    return change.firstSeen ? 'the first outcome seen is a failure' : 'the first failure after a success';
  }
  const span = formatDuration(change.brokenForMs) ?? 'a while';
  const n = change.failedCount;
  return `back to normal after ${span} and ${n} failed deployment${n === 1 ? '' : 's'}`;
}

/** "broke" / "recovered", the word a changed deployment's headline uses. */
export function changeWord(change: OutcomeChange): string {
  return change.kind === 'broke' ? 'broke' : 'recovered';
}
