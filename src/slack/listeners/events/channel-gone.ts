import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../log/logger.js';
import { claimPauseNotices } from '../../../signals/pause-notices.js';
import type { Store } from '../../../store/types.js';

type GoneEvent = 'channel_archive' | 'channel_deleted' | 'group_archive' | 'member_left_channel';
type Args = SlackEventMiddlewareArgs<GoneEvent> & AllMiddlewareArgs;

/** The Slack error code each event stands for: the one delivery would meet at the next deployment. */
export const PAUSE_REASON_OF: Record<GoneEvent, string> = {
  channel_archive: 'is_archived',
  group_archive: 'is_archived',
  channel_deleted: 'channel_not_found',
  member_left_channel: 'not_in_channel',
};

export interface ChannelGoneDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  wakeNotices?: () => void;
}

const botIds = new WeakMap<WebClient, Promise<string | undefined>>();

/** The bot's own user id: from the installation, else asked once per client (single-workspace mode). */
function botUserId(context: AllMiddlewareArgs['context'], client: WebClient): Promise<string | undefined> {
  if (context.botUserId) return Promise.resolve(context.botUserId);
  let id = botIds.get(client);
  if (!id) {
    id = client.auth.test().then((r) => (typeof r.user_id === 'string' ? r.user_id : undefined));
    id.catch(() => botIds.delete(client));
    botIds.set(client, id);
  }
  return id;
}

/**
 * A channel archived or deleted, or the bot removed from it: its subscriptions pause at once (not at
 * the next deployment), and each member who subscribed gets one direct message saying how to fix it.
 */
export function createChannelGoneListener(deps: ChannelGoneDeps) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    const channelId = typeof event.channel === 'string' ? event.channel : undefined;
    if (!teamId || !channelId) return;
    try {
      if (event.type === 'member_left_channel' && event.user !== (await botUserId(context, client))) return;
      const code = PAUSE_REASON_OF[event.type];
      const paused = await deps.store.pauseSubscriptions({ teamId, channelId }, code);
      if (paused === 0) return;
      deps.logger.info(
        { teamId, channelId, event: event.type, paused },
        'channel gone; its subscriptions paused',
      );
      if ((await claimPauseNotices(deps.store, { teamId, channelId }, code, deps.now())) > 0)
        deps.wakeNotices?.();
    } catch (err) {
      deps.logger.error(
        { err, teamId, channelId, event: event.type },
        'could not pause a channel that went away',
      );
    }
  };
}
