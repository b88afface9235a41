import type { HomeChannel } from '../../blocks/commands/render-app-home.js';
import type { ListedSubscription } from '../../blocks/commands/render-subscription-list.js';
import type { Hook, Store } from '../../store/types.js';

/** The workspace's subscriptions grouped by channel, with project names and each channel's last delivery. */
export async function loadHomeChannels(store: Store, teamId: string): Promise<HomeChannel[]> {
  const [subs, deliveries] = await Promise.all([
    store.listSubscriptions({ teamId }),
    store.lastDeliveries(teamId),
  ]);
  const hooks = new Map<string, Hook | undefined>();
  for (const hookId of new Set(subs.map((s) => s.hookId))) hooks.set(hookId, await store.getHook(hookId));
  const lastByChannel = new Map(deliveries.map((d) => [d.channelId, d.updatedAt]));
  const byChannel = new Map<string, ListedSubscription[]>();
  for (const sub of subs) {
    const hook = hooks.get(sub.hookId);
    const listed: ListedSubscription = {
      projectId: sub.projectId,
      projectName: hook?.projectName ?? null,
      projectSlug: hook?.projectSlug ?? null,
      events: sub.events,
      state: sub.state,
      pausedReason: sub.pausedReason,
    };
    byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), listed]);
  }
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
