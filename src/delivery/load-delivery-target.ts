import {
  type DeploymentEventRecord,
  type DeploymentView,
  parseEventRecord,
  reduceDeployment,
} from '../sota/deployment-state.js';
import type { KnownEvent } from '../sota/event.js';
import type { DeliveryJob, Store, StoredEvent } from '../store/types.js';

/** Why a job is given up without calling Slack (stored as the job's last error). */
export const DropReason = {
  subscriptionGone: 'subscription_gone',
  subscriptionPaused: 'subscription_paused',
  noInstallation: 'no_installation',
} as const;
export type DropReason = (typeof DropReason)[keyof typeof DropReason];

export type DeliveryTarget =
  | { kind: 'drop'; reason: DropReason }
  | { kind: 'empty' }
  | { kind: 'ready'; view: DeploymentView; token: string };

export interface LoadTargetDeps {
  store: Pick<Store, 'getSubscription' | 'getHook' | 'listDeploymentEvents'>;
  tokenFor: (teamId: string) => Promise<string | undefined>;
}

/** The events one channel may see: delivered (not stale or unknown), parsable, and in its filter. */
export function visibleEvents(stored: StoredEvent[], filter: readonly KnownEvent[]): DeploymentEventRecord[] {
  const visible: DeploymentEventRecord[] = [];
  for (const s of stored) {
    if (s.disposition !== 'deliver') continue;
    const record = parseEventRecord(s);
    if (record && filter.includes(record.event)) visible.push(record);
  }
  return visible;
}

/** Gathers what a job needs before Slack is called: the channel's view of the deployment and a token. */
export async function loadDeliveryTarget(job: DeliveryJob, deps: LoadTargetDeps): Promise<DeliveryTarget> {
  const sub = await deps.store.getSubscription(job.teamId, job.channelId, job.projectId);
  if (!sub) return { kind: 'drop', reason: DropReason.subscriptionGone };
  if (sub.state === 'paused') return { kind: 'drop', reason: DropReason.subscriptionPaused };
  const token = await deps.tokenFor(job.teamId);
  if (!token) return { kind: 'drop', reason: DropReason.noInstallation };
  const hook = await deps.store.getHook(job.hookId);
  const stored = await deps.store.listDeploymentEvents(job.hookId, job.deploymentId);
  const meta = {
    projectId: job.projectId,
    projectName: hook?.projectName ?? hook?.projectSlug ?? null,
    deploymentId: job.deploymentId,
  };
  const view = reduceDeployment(meta, visibleEvents(stored, sub.events));
  return view ? { kind: 'ready', view, token } : { kind: 'empty' };
}
