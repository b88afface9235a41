/**
 * A project's deployments as one hook has seen them, folded from its stored events (the same for
 * every channel, whatever each channel's filter). Pure: the store hands in the events.
 */

/** One stored event, as the history needs it. */
export interface HistoryEvent {
  deploymentId: string;
  /** The event name as received; unknown names are ignored. */
  event: string;
  /** ISO-8601 timestamp from the signed payload. */
  occurredAt: string;
}

export type DeploymentOutcome = 'succeeded' | 'failed';

export interface DeploymentRecord {
  deploymentId: string;
  /** The final outcome; undefined while the deployment has only started. */
  outcome?: DeploymentOutcome | undefined;
  /** Epoch ms of `deploy.started`, when seen. */
  startedAt?: number | undefined;
  /** Epoch ms of the deciding final event, when finished. */
  finishedAt?: number | undefined;
}

const FINAL: Record<string, DeploymentOutcome> = {
  'deploy.succeeded': 'succeeded',
  'deploy.failed': 'failed',
};

function foldOne(record: DeploymentRecord, e: HistoryEvent): void {
  const at = Date.parse(e.occurredAt);
  if (!Number.isFinite(at)) return;
  if (e.event === 'deploy.started') {
    if (record.startedAt === undefined || at < record.startedAt) record.startedAt = at;
    return;
  }
  const outcome = FINAL[e.event];
  if (!outcome) return;
  // Same rule as the message: the later final event wins, a failure on a tie.
  const later = record.finishedAt === undefined || at > record.finishedAt;
  const tie = at === record.finishedAt && outcome === 'failed';
  if (later || tie) {
    record.finishedAt = at;
    record.outcome = outcome;
  }
}

/** When a deployment last changed: its finish, else its start. */
export function recordTime(r: DeploymentRecord): number {
  return r.finishedAt ?? r.startedAt ?? Number.NEGATIVE_INFINITY;
}

/** Every deployment of the events, oldest first (by finish, else start; ties by id). */
export function foldHistory(events: readonly HistoryEvent[]): DeploymentRecord[] {
  const byId = new Map<string, DeploymentRecord>();
  for (const e of events) {
    let record = byId.get(e.deploymentId);
    if (!record) {
      record = { deploymentId: e.deploymentId };
      byId.set(e.deploymentId, record);
    }
    foldOne(record, e);
  }
  return [...byId.values()]
    .filter((r) => r.startedAt !== undefined || r.finishedAt !== undefined)
    .sort((a, b) => recordTime(a) - recordTime(b) || a.deploymentId.localeCompare(b.deploymentId));
}

/** The finished deployments only, oldest first. */
export function finishedOnly(history: readonly DeploymentRecord[]): Array<Required<DeploymentRecord>> {
  return history.filter(
    (r): r is Required<DeploymentRecord> => r.outcome !== undefined && r.finishedAt !== undefined,
  ) as Array<Required<DeploymentRecord>>;
}

/** How long a finished deployment took, when its start is known and not after its finish. */
export function durationOf(r: DeploymentRecord): number | undefined {
  if (r.startedAt === undefined || r.finishedAt === undefined) return undefined;
  const ms = r.finishedAt - r.startedAt;
  return ms >= 0 ? ms : undefined;
}
