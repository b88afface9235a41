import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';
import type { DeliveryOutcome, Metrics } from '../metrics/metrics.js';
import type { DeliveryJob, Store } from '../store/types.js';
import { deliverJob } from './deliver-job.js';
import { handleDeliveryError } from './handle-delivery-error.js';
import type { SlackCall } from './slack-caller.js';
import type { WorkspaceHolds } from './workspace-holds.js';

export interface JobRunnerDeps {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  holds: WorkspaceHolds;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  callerFor: (job: DeliveryJob) => SlackCall;
  now: () => number;
  workerId: string;
  maxJobAgeMs: number;
}

/** Runs one job and records its outcome. Never rejects: every failure ends in the log or the queue. */
export function createJobRunner(
  deps: JobRunnerDeps,
): (job: DeliveryJob) => Promise<DeliveryOutcome | undefined> {
  return async (job) => {
    let outcome: DeliveryOutcome | undefined;
    try {
      outcome = await deliverJob(job, { ...deps, call: deps.callerFor(job) });
    } catch (err) {
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
    return outcome;
  };
}
