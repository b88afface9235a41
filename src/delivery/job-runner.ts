import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';
import type { DeliveryOutcome, Metrics } from '../metrics/metrics.js';
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
import { ChannelPacedError } from './channel-pacer.js';
import { deliverJob } from './deliver-job.js';
import { handleDeliveryError } from './handle-delivery-error.js';
import type { SlackCall } from './slack-caller.js';
import type { WorkspaceHolds } from './workspace-holds.js';

export interface JobRunnerDeps {
  store: InboxStore & MessageStore & HookStore & SubscriptionStore & ActionStore & MentionStore & SignalStore;
  metrics: Metrics;
  logger: Logger;
  holds: WorkspaceHolds;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  callerFor: (job: DeliveryJob) => SlackCall;
  now: () => number;
  workerId: string;
  maxJobAgeMs: number;
  onMissingReason?: ((job: DeliveryJob) => void) | undefined;
  onNoticeClaimed?: () => void;
}

/**
 * How one run ended: `finished` (done, dropped or rescheduled in the queue) or `deferred` (its channel has
 * no token before `until`; the job keeps its lease and runs again then, resuming where it stopped).
 */
export type JobRunResult =
  | { kind: 'finished'; outcome: DeliveryOutcome | undefined }
  | { kind: 'deferred'; until: number };

/** A deferred job stays leased in memory only while its lease outlasts the wait by this much. */
const LEASE_SAFETY_MS = 5000;

async function deferJob(job: DeliveryJob, until: number, deps: JobRunnerDeps): Promise<JobRunResult> {
  if (until + LEASE_SAFETY_MS <= job.leaseUntil) return { kind: 'deferred', until };
  try {
    await deps.store.retryJob(job, deps.workerId, until, 'channel_paced', false);
  } catch (storeErr) {
    deps.logger.error({ err: storeErr, teamId: job.teamId, channelId: job.channelId }, 'could not defer job');
  }
  return { kind: 'finished', outcome: undefined };
}

/** Runs one job and records its outcome. Never rejects: every failure ends in the log or the queue. */
export function createJobRunner(deps: JobRunnerDeps): (job: DeliveryJob) => Promise<JobRunResult> {
  return async (job) => {
    let outcome: DeliveryOutcome | undefined;
    try {
      outcome = await deliverJob(job, { ...deps, call: deps.callerFor(job) });
    } catch (err) {
      if (err instanceof ChannelPacedError) return deferJob(job, err.readyAt, deps);
      try {
        outcome = await handleDeliveryError(err, job, deps);
      } catch (storeErr) {
        // The lease expires and another run picks the job up again.
        deps.logger.error(
          { err: storeErr, teamId: job.teamId, channelId: job.channelId },
          'could not reschedule job',
        );
      }
    }
    if (outcome) deps.metrics.deliveries.inc({ outcome });
    return { kind: 'finished', outcome };
  };
}
