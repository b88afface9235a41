import { type ChannelPacer, createChannelPacer } from './channel-pacer.js';
import { createWorkspaceHolds, type WorkspaceHolds } from './workspace-holds.js';

/**
 * This process's Slack rate state, shared by everything that posts in a channel (deployment messages
 * and `/sota test`): each channel's pace and each workspace's Retry-After hold.
 */
export interface SlackPace {
  pacer: ChannelPacer;
  holds: WorkspaceHolds;
}

export interface SlackPaceOptions {
  /** Per channel, one Slack call per this interval once the burst is spent (default 1000 ms). */
  channelPaceMs?: number;
  /** Per channel, calls that may go out back to back (default 3). */
  channelBurst?: number;
  now: () => number;
}

export function createSlackPace(options: SlackPaceOptions): SlackPace {
  return {
    pacer: createChannelPacer({
      intervalMs: options.channelPaceMs ?? 1000,
      burst: options.channelBurst ?? 3,
      now: options.now,
    }),
    holds: createWorkspaceHolds(options.now),
  };
}
