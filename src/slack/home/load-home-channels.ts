import type { HomeChannel } from '../../blocks/commands/render-app-home.js';
import type { SignalStore } from '../../store/signal-types.js';
import type { HookStore, MessageStore, SubscriptionStore } from '../../store/types.js';
import {
  type ChannelSubscription,
  listSubscriptionsWithProjects,
} from '../commands/channel-subscriptions.js';

/** The workspace's subscriptions grouped by channel, each channel with its last delivery, most recent first. */
export async function loadHomeChannels(
  store: MessageStore & HookStore & SubscriptionStore & SignalStore,
  teamId: string,
): Promise<HomeChannel[]> {
  const [subs, deliveries] = await Promise.all([
    listSubscriptionsWithProjects(store, { teamId }),
    store.lastDeliveries(teamId),
  ]);
  const lastByChannel = new Map(deliveries.map((d) => [d.channelId, d.updatedAt]));
  const byChannel = new Map<string, ChannelSubscription[]>();
  for (const sub of subs) byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), sub]);
  return [...byChannel.entries()]
    .map(([channelId, list]) => ({
      channelId,
      subscriptions: list,
      lastDeliveryAt: lastByChannel.get(channelId) ?? null,
    }))
    .sort(
      (a, b) => (b.lastDeliveryAt ?? 0) - (a.lastDeliveryAt ?? 0) || a.channelId.localeCompare(b.channelId),
    );
}
