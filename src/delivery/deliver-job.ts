import type { WebClient } from '@slack/web-api';
import type { SignalStore } from '../store/signal-types.js';
import type {
  ActionStore,
  DeliveryJob,
  HookStore,
  InboxStore,
  MentionStore,
  MessageStore,
  SubscriptionStore,
} from '../store/types.js';
import { loadDeliveryTarget } from './load-delivery-target.js';
import type { SlackCall } from './slack-caller.js';
import { type SyncResult, syncMessage } from './sync-message.js';

export type DeliverResult = SyncResult | 'dropped';

export interface DeliverJobDeps {
  store: InboxStore & MessageStore & HookStore & SubscriptionStore & ActionStore & MentionStore & SignalStore;
  workerId: string;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  now?: () => number;
  /** The job's Slack call wrapper (pace, holds, metrics). */
  call: SlackCall;
  /** Told when a failure is shown without a reason, so it can be looked up in sota.io. */
  onMissingReason?: ((job: DeliveryJob) => void) | undefined;
}

/**
 * Runs ONE leased job to its end on the happy path: drop it when the channel no longer wants it,
 * otherwise bring its Slack message up to date and mark it done (or due again if a newer event came in).
 * Slack and store errors propagate to the caller, which decides between retry, hold and pause.
 */
export async function deliverJob(job: DeliveryJob, deps: DeliverJobDeps): Promise<DeliverResult> {
  const target = await loadDeliveryTarget(job, deps);
  if (target.kind === 'drop') {
    await deps.store.dropJob(job, deps.workerId, target.reason);
    return 'dropped';
  }
  let result: SyncResult = 'unchanged';
  if (target.kind === 'ready') {
    const client = deps.clientFor(target.token);
    result = await syncMessage(job, target, { store: deps.store, client, call: deps.call });
    if (target.missingReason && result !== 'unchanged') deps.onMissingReason?.(job);
  }
  await deps.store.completeJob(job, deps.workerId, job.version);
  return result;
}
