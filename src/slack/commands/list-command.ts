import { renderSubscriptionList } from '../../blocks/commands/render-subscription-list.js';
import { listChannelSubscriptions } from './channel-subscriptions.js';
import type { CommandContext, CommandDeps, CommandResult } from './command-types.js';

/**
 * `/sota list`: this channel's subscriptions — filter, state, who subscribed, mutes, the last
 * error — and when the channel last got a message, and its daily digest.
 */
export function createListCommand(deps: Pick<CommandDeps, 'store' | 'config'>) {
  return async (ctx: CommandContext): Promise<CommandResult> => {
    const { store } = deps;
    const [subs, errors, digest, deliveries] = await Promise.all([
      listChannelSubscriptions(store, ctx.teamId, ctx.channelId),
      store.lastDeliveryErrors(ctx.teamId, ctx.channelId),
      store.getDigest(ctx.teamId, ctx.channelId),
      store.lastDeliveries(ctx.teamId),
    ]);
    const base = deps.config.publicUrl;
    const listed = subs.map((sub) => ({
      ...sub,
      webhookUrl: base ? `${base}/webhooks/sota/${sub.hookId}` : null,
      lastError: sub.state === 'paused' ? sub.pausedReason : (errors.get(sub.projectId) ?? null),
    }));
    const lastMessageAt = deliveries.find((d) => d.channelId === ctx.channelId)?.updatedAt ?? null;
    return renderSubscriptionList(listed, { lastMessageAt, digest: digest ?? null });
  };
}
