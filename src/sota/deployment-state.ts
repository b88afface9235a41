import { isKnownEvent, type KnownEvent, sotaEventSchema } from './event.js';
import type { OutcomeChange } from './history/outcome-change.js';

/** One stored event of a deployment, as the reducer needs it. */
export interface DeploymentEventRecord {
  event: KnownEvent;
  /** ISO-8601 timestamp from the signed payload. */
  occurredAt: string;
  /** The payload's `data` object (already parsed). */
  data: Record<string, unknown>;
}

export type DeploymentStatus = 'started' | 'succeeded' | 'failed';

/** What a channel should see about one deployment. Pure data, rendered by src/blocks. */
export interface DeploymentView {
  projectId: string;
  projectName?: string | undefined;
  deploymentId: string;
  status: DeploymentStatus;
  /** sota.io's own status word from `data.status`, when present (e.g. "running"). */
  sotaStatus?: string | undefined;
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  url?: string | undefined;
  errorMessage?: string | undefined;
  /** The project's usual duration in ms (median of its recent successes), when known. */
  usualDurationMs?: number | undefined;
  /** How this deployment changed the project's outcome, when it did. */
  outcomeChange?: OutcomeChange | undefined;
}

/** started < succeeded = failed: a state only moves forward. */
export const STATUS_RANK: Record<DeploymentStatus, number> = { started: 1, succeeded: 2, failed: 2 };

/** The project and deployment a channel's view is about. */
export interface DeploymentMeta {
  projectId: string;
  projectName?: string | null | undefined;
  deploymentId: string;
}

/**
 * Folds the events one channel may see into what that channel should show. Pure; the events are
 * in arrival order, which need not be time order. The status only moves forward (a late
 * `deploy.started` never undoes a final state); between succeeded and failed the later timestamp
 * wins, failed on a tie. Undefined when there is nothing to show.
 */
export function reduceDeployment(
  meta: DeploymentMeta,
  events: DeploymentEventRecord[],
): DeploymentView | undefined {
  const started = earliest(events.filter((e) => e.event === 'deploy.started'));
  const final = latest(events.filter((e) => STATUS_RANK[statusOf(e)] === FINAL_RANK));
  const deciding = final ?? started;
  if (!deciding) return undefined;
  const status = statusOf(deciding);
  return {
    projectId: meta.projectId,
    projectName: nonEmpty(meta.projectName),
    deploymentId: meta.deploymentId,
    status,
    sotaStatus: nonEmpty(deciding.data.status),
    startedAt: started?.occurredAt,
    finishedAt: final?.occurredAt,
    url: status === 'succeeded' ? normalizeDeploymentUrl(deciding.data.url) : undefined,
    errorMessage:
      status === 'failed'
        ? (nonEmpty(deciding.data.error_message) ?? nonEmpty(deciding.data.error))
        : undefined,
  };
}

const FINAL_RANK = STATUS_RANK.succeeded;
const STATUS_OF_EVENT: Record<KnownEvent, DeploymentStatus> = {
  'deploy.started': 'started',
  'deploy.succeeded': 'succeeded',
  'deploy.failed': 'failed',
};

function statusOf(record: DeploymentEventRecord): DeploymentStatus {
  return STATUS_OF_EVENT[record.event];
}

function timeOf(record: DeploymentEventRecord): number {
  const ms = Date.parse(record.occurredAt);
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}

function earliest(records: DeploymentEventRecord[]): DeploymentEventRecord | undefined {
  return records.reduce<DeploymentEventRecord | undefined>(
    (best, r) => (best === undefined || timeOf(r) < timeOf(best) ? r : best),
    undefined,
  );
}

/** The latest final event; on equal timestamps a failure outranks a success. */
function latest(records: DeploymentEventRecord[]): DeploymentEventRecord | undefined {
  return records.reduce<DeploymentEventRecord | undefined>((best, r) => {
    if (best === undefined || timeOf(r) > timeOf(best)) return r;
    if (timeOf(r) === timeOf(best) && r.event === 'deploy.failed') return r;
    return best;
  }, undefined);
}

function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A host name with an optional port and path, as the REST API gives it (`my-app.sota.io`). */
const BARE_HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/**
 * The live URL as a link may use it: http(s) only, no credentials, normalised by the WHATWG
 * parser. A bare host gets `https://` in front. Anything else is dropped.
 */
export function normalizeDeploymentUrl(value: unknown): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const candidate = BARE_HOST.test(raw) ? `https://${raw}` : raw;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return undefined;
  const bareRoot = url.pathname === '/' && !url.search && !url.hash && !candidate.endsWith('/');
  return bareRoot ? url.href.slice(0, -1) : url.href;
}

/**
 * Re-reads a stored event into a reducer record by parsing its raw payload again with the
 * event schema. Undefined for an unknown event name or a payload that does not parse; never throws.
 */
export function parseEventRecord(stored: {
  event: string;
  occurredAt: string;
  payload: string;
}): DeploymentEventRecord | undefined {
  if (!isKnownEvent(stored.event)) return undefined;
  try {
    const parsed = sotaEventSchema.safeParse(JSON.parse(stored.payload));
    if (!parsed.success || parsed.data.event !== stored.event) return undefined;
    return { event: stored.event, occurredAt: parsed.data.timestamp, data: { ...parsed.data.data } };
  } catch {
    return undefined;
  }
}
