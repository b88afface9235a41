import type { ListedSubscription } from '../../blocks/commands/render-subscription-list.js';
import { MUTE_ALL, type Mute, type SignalStore } from '../../store/signal-types.js';
import type { Hook, HookStore, SubscriptionStore } from '../../store/types.js';

export interface ChannelSubscription extends ListedSubscription {
  hookId: string;
  channelId: string;
}

/** Subscriptions of a workspace (or one channel) with their projects' names and slugs (from the hooks). */
export async function listSubscriptionsWithProjects(
  store: HookStore & SubscriptionStore & SignalStore,
  filter: { teamId: string; channelId?: string },
): Promise<ChannelSubscription[]> {
  const [subs, mutes] = await Promise.all([store.listSubscriptions(filter), store.listMutes(filter)]);
  const hooks = new Map<string, Promise<Hook | undefined>>();
  for (const sub of subs) if (!hooks.has(sub.hookId)) hooks.set(sub.hookId, store.getHook(sub.hookId));
  return Promise.all(
    subs.map(async (sub) => {
      const hook = await hooks.get(sub.hookId);
      return {
        projectId: sub.projectId,
        projectName: hook?.projectName ?? null,
        projectSlug: hook?.projectSlug ?? null,
        events: sub.events,
        state: sub.state,
        pausedReason: sub.pausedReason,
        hookId: sub.hookId,
        channelId: sub.channelId,
        changes: sub.changes === true,
        createdBy: sub.createdBy,
        mutedUntil: mutedUntil(mutes, sub.channelId, sub.projectId),
      };
    }),
  );
}

/** When the latest mute covering the project in the channel ends; null when none does. */
function mutedUntil(mutes: readonly Mute[], channelId: string, projectId: string): number | null {
  const covering = mutes.filter(
    (m) => m.channelId === channelId && (m.target === MUTE_ALL || m.target === projectId),
  );
  return covering.length > 0 ? Math.max(...covering.map((m) => m.until)) : null;
}

/** The channel's subscriptions with their projects' names, sorted by name. */
export async function listChannelSubscriptions(
  store: HookStore & SubscriptionStore & SignalStore,
  teamId: string,
  channelId: string,
): Promise<ChannelSubscription[]> {
  const listed = await listSubscriptionsWithProjects(store, { teamId, channelId });
  const key = (s: ChannelSubscription) => (s.projectName ?? s.projectSlug ?? s.projectId).toLowerCase();
  return listed.sort((a, b) => key(a).localeCompare(key(b)));
}

/** The subscription `asked` names: by project id, slug or name (case-insensitive). */
export function findByProject<T extends ListedSubscription>(
  subs: readonly T[],
  asked: string,
): T | undefined {
  const wanted = asked.trim().toLowerCase();
  return (
    subs.find((s) => s.projectId.toLowerCase() === wanted) ??
    subs.find((s) => s.projectSlug?.toLowerCase() === wanted) ??
    subs.find((s) => s.projectName?.toLowerCase() === wanted)
  );
}
