import { renderSubscriptionList } from '../../blocks/commands/render-subscription-list.js';
import { listChannelSubscriptions } from './channel-subscriptions.js';
import type { CommandContext, CommandDeps, CommandResult } from './command-types.js';

/** `/sota list`: this channel's subscriptions, their filters and state. */
export function createListCommand(deps: Pick<CommandDeps, 'store' | 'config'>) {
  return async (ctx: CommandContext): Promise<CommandResult> => {
    const subs = await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId);
    const base = deps.config.publicUrl;
    return renderSubscriptionList(
      subs.map((sub) => ({ ...sub, webhookUrl: base ? `${base}/webhooks/sota/${sub.hookId}` : null })),
    );
  };
}
