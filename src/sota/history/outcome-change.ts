import { type DeploymentRecord, finishedOnly } from './deployment-history.js';

/**
 * How a finished deployment changed the project's outcome: it broke it (the first failure after a
 * success, or the first outcome ever seen), or it recovered it (the first success after failures).
 */
export type OutcomeChange =
  | {
      kind: 'broke';
      /** True when no earlier outcome is known (the first deployment seen failed). */
      firstSeen: boolean;
    }
  | {
      kind: 'recovered';
      /** From the first failure of the streak to this success. */
      brokenForMs: number;
      /** How many failed deployments the streak had. */
      failedCount: number;
    };

/** The change `deploymentId` made, or undefined when it changed nothing (or has not finished). */
export function outcomeChangeOf(
  history: readonly DeploymentRecord[],
  deploymentId: string,
): OutcomeChange | undefined {
  const finished = finishedOnly(history);
  const index = finished.findIndex((r) => r.deploymentId === deploymentId);
  const self = finished[index];
  if (!self) return undefined;
  const previous = finished[index - 1];
  if (self.outcome === 'failed') {
    if (previous === undefined) return { kind: 'broke', firstSeen: true };
    return previous.outcome === 'succeeded' ? { kind: 'broke', firstSeen: false } : undefined;
  }
  if (previous?.outcome !== 'failed') return undefined;
  let first = index - 1;
  while (first > 0 && finished[first - 1]?.outcome === 'failed') first -= 1;
  const since = finished[first]?.finishedAt ?? self.finishedAt;
  return { kind: 'recovered', brokenForMs: Math.max(0, self.finishedAt - since), failedCount: index - first };
}
