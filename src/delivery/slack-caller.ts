import type { Metrics } from '../metrics/metrics.js';
import type { DeliveryJob } from '../store/types.js';
import { ChannelPacedError, type ChannelPacer } from './channel-pacer.js';
import { classifySlackError } from './classify-slack-error.js';
import { rememberFailedCall } from './failed-call.js';
import type { WorkspaceHolds } from './workspace-holds.js';

/** Thrown instead of calling Slack while the job's workspace waits out a Retry-After. */
export class WorkspaceHeldError extends Error {
  readonly code = 'workspace_held';
  constructor(readonly until: number) {
    super('workspace is waiting for a Slack rate limit to expire');
    this.name = 'WorkspaceHeldError';
  }
}

/**
 * Runs one Slack call for a job: refused while the workspace is held (WorkspaceHeldError) or while the
 * channel has no token (ChannelPacedError), counted otherwise.
 */
export type SlackCall = <T>(method: string, call: () => Promise<T>) => Promise<T>;

export interface SlackCallerDeps {
  metrics: Metrics;
  holds: WorkspaceHolds;
  pacer: ChannelPacer;
  now: () => number;
}

export function channelKeyOf(job: Pick<DeliveryJob, 'teamId' | 'channelId'>): string {
  return `${job.teamId}/${job.channelId}`;
}

/** Makes the per-job call wrapper; it observes delivery latency at the job's first successful call. */
export function createSlackCaller(deps: SlackCallerDeps): (job: DeliveryJob) => SlackCall {
  return (job) => {
    let observed = false;
    return async (method, call) => {
      try {
        const until = deps.holds.heldUntil(job.teamId);
        if (until > 0) throw new WorkspaceHeldError(until);
        const result = await deps.pacer.run(channelKeyOf(job), call);
        deps.metrics.slackCalls.inc({ method, result: 'ok' });
        if (!observed) {
          observed = true;
          deps.metrics.deliveryLatency.observe(Math.max(0, deps.now() - job.enqueuedAt) / 1000);
        }
        return result;
      } catch (err) {
        if (!(err instanceof WorkspaceHeldError || err instanceof ChannelPacedError)) {
          deps.metrics.slackCalls.inc({ method, result: classifySlackError(err).kind });
          rememberFailedCall(err, method);
        }
        throw err;
      }
    };
  };
}
