import type { Logger } from '../log/logger.js';
import type { DeliveryOutcome } from '../metrics/metrics.js';
import { claimPauseNotices } from '../signals/pause-notices.js';
import type { SignalStore } from '../store/signal-types.js';
import type { DeliveryJob, HookStore, InboxStore, SubscriptionStore } from '../store/types.js';
import { computeBackoff } from './backoff.js';
import { classifySlackError, type PauseScope } from './classify-slack-error.js';
import { failedCallOf, failedCallSuffix } from './failed-call.js';
import { WorkspaceHeldError } from './slack-caller.js';
import type { WorkspaceHolds } from './workspace-holds.js';

export interface ErrorHandlerDeps {
  store: InboxStore & SubscriptionStore & HookStore & SignalStore;
  logger: Logger;
  holds: WorkspaceHolds;
  now: () => number;
  workerId: string;
  maxJobAgeMs: number;
  /** Asks the notice sender to post what was just claimed (the pause notice). */
  onNoticeClaimed?: () => void;
}

function pauseScopeOf(job: DeliveryJob, scope: PauseScope) {
  if (scope === 'workspace') return { teamId: job.teamId };
  if (scope === 'channel') return { teamId: job.teamId, channelId: job.channelId };
  return { teamId: job.teamId, channelId: job.channelId, projectId: job.projectId };
}

async function holdAndRetry(
  job: DeliveryJob,
  until: number,
  deps: ErrorHandlerDeps,
): Promise<DeliveryOutcome> {
  deps.holds.hold(job.teamId, until);
  await deps.store.holdWorkspace(job.teamId, until);
  await deps.store.retryJob(job, deps.workerId, until, 'ratelimited', false);
  return 'rate_limited';
}

async function pause(job: DeliveryJob, code: string, scope: PauseScope, deps: ErrorHandlerDeps) {
  const changed = await deps.store.pauseSubscriptions(pauseScopeOf(job, scope), code);
  if (changed > 0) {
    deps.logger.warn(
      {
        teamId: job.teamId,
        channelId: job.channelId,
        projectId: job.projectId,
        code,
        scope,
        paused: changed,
      },
      'Slack refused delivery for good; subscriptions paused until the channel subscribes again',
    );
    if (scope !== 'workspace') await tellSubscribers(job, code, scope, deps);
  }
  await deps.store.dropJob(job, deps.workerId, code);
  return 'paused' as const;
}

/** One direct message to each member who subscribed what was paused; a failure here is only logged. */
async function tellSubscribers(job: DeliveryJob, code: string, scope: PauseScope, deps: ErrorHandlerDeps) {
  try {
    const where = { teamId: job.teamId, channelId: job.channelId };
    const paused = scope === 'subscription' ? { ...where, projectId: job.projectId } : where;
    if ((await claimPauseNotices(deps.store, paused, code, deps.now())) > 0) deps.onNoticeClaimed?.();
  } catch (err) {
    deps.logger.error(
      { err, teamId: job.teamId, channelId: job.channelId },
      'could not claim the pause notice',
    );
  }
}

async function retryLater(
  job: DeliveryJob,
  code: string,
  err: unknown,
  deps: ErrorHandlerDeps,
): Promise<DeliveryOutcome> {
  const now = deps.now();
  const call = failedCallOf(err);
  const fields = {
    teamId: job.teamId,
    channelId: job.channelId,
    deploymentId: job.deploymentId,
    code,
    ...call,
  };
  const how = failedCallSuffix(call);
  if (now - job.enqueuedAt > deps.maxJobAgeMs) {
    deps.logger.warn({ ...fields, attempts: job.attempts }, `delivery given up: too old to retry${how}`);
    await deps.store.dropJob(job, deps.workerId, `expired:${code}`);
    return 'dropped';
  }
  const attempt = job.attempts + 1;
  deps.logger.info({ ...fields, attempt }, `delivery failed${how}; will retry`);
  await deps.store.retryJob(job, deps.workerId, now + computeBackoff(attempt), code, true);
  return 'retry';
}

/** Turns an error from one job run into the queue's next step; returns the run's outcome. */
export async function handleDeliveryError(
  err: unknown,
  job: DeliveryJob,
  deps: ErrorHandlerDeps,
): Promise<DeliveryOutcome> {
  if (err instanceof WorkspaceHeldError) return holdAndRetry(job, err.until, deps);
  const c = classifySlackError(err);
  if (c.kind === 'rate_limited') return holdAndRetry(job, deps.now() + c.retryAfterMs, deps);
  if (c.kind === 'permanent') return pause(job, c.code, c.scope, deps);
  if (c.code === 'unexpected_error') {
    deps.logger.error(
      { err, teamId: job.teamId, channelId: job.channelId },
      'unexpected error while delivering',
    );
  }
  return retryLater(job, c.code, err, deps);
}
