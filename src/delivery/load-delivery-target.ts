import type { MessageExtras } from '../blocks/render-deploy-message.js';
import {
  type DeploymentEventRecord,
  type DeploymentStatus,
  type DeploymentView,
  parseEventRecord,
  reduceDeployment,
} from '../sota/deployment-state.js';
import type { KnownEvent } from '../sota/event.js';
import type { DeliveryJob, Store, StoredEvent } from '../store/types.js';
import { loadChannelSignals } from './channel-signals.js';
import { readReasonRecord } from './reason-record.js';

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
  | {
      kind: 'ready';
      view: DeploymentView;
      token: string;
      filter: ChannelFilter;
      /** What the channel adds to the message (buttons, mentions). */
      extras: MessageExtras;
      /** A failure with no reason, neither in its events nor looked up yet. */
      missingReason: boolean;
    };

/**
 * What a channel's event filter decides for one deployment. The message itself always shows every
 * event of the deployment (it follows it to the end); the filter only decides whether there is a
 * message at all and which final states get a thread reply.
 */
export interface ChannelFilter {
  /** Some event of the deployment is in the filter: the channel gets a message for it. */
  opensMessage: boolean;
  /** The final states whose arrival gets a reply in the message's thread. */
  repliesTo: readonly DeploymentStatus[];
  /** `change`: a `changes`-only channel, whose one message is the break or recovery. */
  style: 'deployment' | 'change';
}

export interface LoadTargetDeps {
  store: Pick<
    Store,
    | 'getSubscription'
    | 'getHook'
    | 'listDeploymentEvents'
    | 'getActionAccess'
    | 'getMentions'
    | 'listHookEvents'
    | 'listMutes'
  >;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  now?: () => number;
}

/** The events of a deployment that are to be shown: delivered (not stale or unknown) and parsable. */
export function deliveredEvents(stored: StoredEvent[]): DeploymentEventRecord[] {
  const delivered: DeploymentEventRecord[] = [];
  for (const s of stored) {
    if (s.disposition !== 'deliver') continue;
    const record = parseEventRecord(s);
    if (record) delivered.push(record);
  }
  return delivered;
}

export function channelFilter(events: DeploymentEventRecord[], filter: readonly KnownEvent[]): ChannelFilter {
  const repliesTo: DeploymentStatus[] = [];
  if (filter.includes('deploy.succeeded')) repliesTo.push('succeeded');
  if (filter.includes('deploy.failed')) repliesTo.push('failed');
  return { opensMessage: events.some((e) => filter.includes(e.event)), repliesTo, style: 'deployment' };
}

/**
 * The filter once the channel's modes are applied. `changes` alone: a message only for a deployment
 * that broke or recovered the project; with event words, such a deployment gets a message too.
 * Muted: no new message and no thread reply; a message already posted still follows silently.
 */
export function applyModes(
  base: ChannelFilter,
  modes: { changes: boolean; changesOnly: boolean; changed: boolean; muted: boolean },
): ChannelFilter {
  if (modes.muted) return { ...base, opensMessage: false, repliesTo: [] };
  if (modes.changesOnly) return { opensMessage: modes.changed, repliesTo: [], style: 'change' };
  return modes.changes && modes.changed ? { ...base, opensMessage: true } : base;
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
  const events = deliveredEvents(stored);
  const plain = reduceDeployment(meta, events);
  if (!plain) return { kind: 'empty' };
  const failedWithoutReason = plain.status === 'failed' && !plain.errorMessage;
  const lookedUp = failedWithoutReason ? readReasonRecord(stored) : undefined;
  if (lookedUp) plain.errorMessage = lookedUp;
  const changes = sub.changes === true;
  const input = { teamId: job.teamId, channelId: job.channelId, hookId: job.hookId, view: plain, changes };
  const { view, muted } = await loadChannelSignals(deps.store, input, (deps.now ?? Date.now)());
  const modes = {
    changes,
    changesOnly: changes && sub.events.length === 0,
    changed: !!view.outcomeChange,
    muted,
  };
  return {
    kind: 'ready',
    view,
    token,
    filter: applyModes(channelFilter(events, sub.events), modes),
    extras: await extrasOf(deps, job, view),
    missingReason: failedWithoutReason && !lookedUp,
  };
}

/** The buttons the workspace allows and, on a failure or a recovery, the channel's mentions. */
async function extrasOf(
  deps: LoadTargetDeps,
  job: DeliveryJob,
  view: DeploymentView,
): Promise<MessageExtras> {
  const access = await deps.store.getActionAccess(job.teamId);
  const pings = view.status === 'failed' || view.outcomeChange?.kind === 'recovered';
  const mentions = pings ? await deps.store.getMentions(job.teamId, job.channelId, job.projectId) : [];
  return { actionsAllowed: access.mode !== 'off', mentions };
}
