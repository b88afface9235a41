import { setTimeout as sleep } from 'node:timers/promises';
import type { Metrics } from '../metrics/metrics.js';
import type { Store } from '../store/types.js';
import { ChannelPacedError } from './channel-pacer.js';
import { classifySlackError } from './classify-slack-error.js';
import { channelKeyOf } from './slack-caller.js';
import type { SlackPace } from './slack-pace.js';

/** Not called: the channel's workspace is held by a Slack rate limit until `until` (epoch ms). */
export class SlackHeldError extends Error {
  readonly code = 'ratelimited';
  constructor(readonly until: number) {
    super('Slack asked this workspace to wait before the next call');
    this.name = 'SlackHeldError';
  }
}

/** One Slack call in a channel, in its turn: after the workspace's hold and the channel's pace. */
export type PacedCall = <T>(
  target: { teamId: string; channelId: string },
  method: string,
  call: () => Promise<T>,
) => Promise<T>;

export interface PacedCallDeps {
  pace: SlackPace;
  store: Pick<Store, 'getWorkspaceHold' | 'holdWorkspace'>;
  metrics: Metrics;
  now: () => number;
  /** Waits longer than this are not waited out: SlackHeldError instead (default 10 s). */
  maxWaitMs?: number;
}

/**
 * A Slack call outside the delivery queue (`/sota test`) under the same rules as deployment messages:
 * it waits for the workspace's Retry-After hold (this process's and the store's, which every instance
 * sees) and for the channel's pace, and a 429 holds the whole workspace for every sender.
 */
export function createPacedCall(deps: PacedCallDeps): PacedCall {
  const maxWaitMs = deps.maxWaitMs ?? 10_000;

  async function waitForTurn(teamId: string, key: string): Promise<void> {
    for (;;) {
      const held = Math.max(deps.pace.holds.heldUntil(teamId), await deps.store.getWorkspaceHold(teamId));
      const at = Math.max(held, deps.pace.pacer.readyAt(key));
      const wait = at - deps.now();
      if (wait <= 0) return;
      if (wait > maxWaitMs) throw new SlackHeldError(at);
      await sleep(wait);
    }
  }

  return async (target, method, call) => {
    const key = channelKeyOf(target);
    for (;;) {
      await waitForTurn(target.teamId, key);
      try {
        const result = await deps.pace.pacer.run(key, call);
        deps.metrics.slackCalls.inc({ method, result: 'ok' });
        return result;
      } catch (err) {
        if (err instanceof ChannelPacedError) continue;
        const failure = classifySlackError(err);
        deps.metrics.slackCalls.inc({ method, result: failure.kind });
        if (failure.kind !== 'rate_limited') throw err;
        const until = deps.now() + failure.retryAfterMs;
        deps.pace.holds.hold(target.teamId, until);
        await deps.store.holdWorkspace(target.teamId, until);
        throw new SlackHeldError(until);
      }
    }
  };
}
