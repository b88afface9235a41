import { renderSubscriptionList } from '../../blocks/commands/render-subscription-list.js';
import { listChannelSubscriptions } from './channel-subscriptions.js';
import type { CommandContext, CommandDeps, CommandResult } from './command-types.js';

/** `/sota list`: this channel's subscriptions, their filters and state. */
export function createListCommand(deps: Pick<CommandDeps, 'store'>) {
  return async (ctx: CommandContext): Promise<CommandResult> =>
    renderSubscriptionList(await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId));
}
