import { renderPauseNotice } from '../blocks/notices/render-pause-notice.js';
import type { SignalStore } from '../store/signal-types.js';
import type { HookStore, Subscription, SubscriptionStore } from '../store/types.js';

export interface PausedScope {
  teamId: string;
  channelId: string;
  projectId?: string | undefined;
}

function bySubscriber(subs: readonly Subscription[]): Map<string, Subscription[]> {
  const groups = new Map<string, Subscription[]>();
  for (const sub of subs) {
    if (!sub.createdBy) continue;
    groups.set(sub.createdBy, [...(groups.get(sub.createdBy) ?? []), sub]);
  }
  return groups;
}

/**
 * After delivery to a channel paused for good (`code`), claims one direct message per member who
 * subscribed the paused projects there: which channel, why, the command that fixes it. The claim
 * key names the pause (its time), so one pause is told once whichever instance saw it.
 * Returns how many messages were claimed.
 */
export async function claimPauseNotices(
  store: SubscriptionStore & HookStore & SignalStore,
  scope: PausedScope,
  code: string,
  now: number,
): Promise<number> {
  const subs = await store.listSubscriptions({ teamId: scope.teamId, channelId: scope.channelId });
  const paused = subs.filter(
    (s) =>
      s.state === 'paused' &&
      s.pausedReason === code &&
      (scope.projectId === undefined || s.projectId === scope.projectId),
  );
  let claimed = 0;
  for (const [userId, list] of bySubscriber(paused)) {
    const projects = await Promise.all(
      list.map(async (sub) => {
        const hook = await store.getHook(sub.hookId);
        return {
          projectId: sub.projectId,
          projectName: hook?.projectName ?? null,
          projectSlug: hook?.projectSlug ?? null,
        };
      }),
    );
    const pausedAt = Math.max(...list.map((s) => s.updatedAt));
    const notice = {
      key: `pause:${scope.teamId}:${scope.channelId}:${userId}:${code}:${pausedAt}`,
      teamId: scope.teamId,
      channelId: userId,
      kind: 'pause_notice' as const,
      message: renderPauseNotice({ channelId: scope.channelId, reason: code, projects }),
      createdAt: now,
    };
    if (await store.claimNotice(notice)) claimed += 1;
  }
  return claimed;
}
