import type { KnownEvent } from './event.js';

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
}

/** started < succeeded = failed: a state only moves forward. */
export const STATUS_RANK: Record<DeploymentStatus, number> = { started: 1, succeeded: 2, failed: 2 };
