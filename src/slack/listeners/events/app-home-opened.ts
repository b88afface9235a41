import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAppHome } from '../../../blocks/commands/render-app-home.js';
import type { Logger } from '../../../log/logger.js';
import { outboundFailure } from '../../../net/outbound-failure.js';
import type { SignalStore } from '../../../store/signal-types.js';
import type { HookStore, MessageStore, SubscriptionStore } from '../../../store/types.js';
import { loadHomeChannels } from '../../home/load-home-channels.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Opening the app's Home tab shows the workspace's subscriptions by channel (published per user). */
export function createAppHomeOpenedListener(deps: {
  store: MessageStore & HookStore & SubscriptionStore & SignalStore;
  logger: Logger;
}) {
  return async ({ event, context, body, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    try {
      const view = renderAppHome(await loadHomeChannels(deps.store, teamId));
      await client.views.publish({ user_id: event.user, view });
    } catch (err) {
      const code =
        (err as { data?: { error?: unknown }; code?: unknown }).data?.error ??
        (err as { code?: unknown }).code;
      deps.logger.warn(
        { teamId, code: String(code ?? 'internal'), ...outboundFailure('Slack', 'views.publish', err) },
        'could not publish the App Home tab',
      );
    }
  };
}
