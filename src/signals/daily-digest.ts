import { renderDigest } from '../blocks/notices/render-digest.js';
import { HISTORY_EVENTS } from '../delivery/channel-signals.js';
import { foldHistory } from '../sota/history/deployment-history.js';
import { summarizeWindow } from '../sota/history/summarize-window.js';
import type { DigestSetting } from '../store/signal-types.js';
import type { Store } from '../store/types.js';
import { addDays, localDay, zonedInstant } from './zoned-time.js';

/**
 * The newest digest that is due at `now`: the local day whose `HH:MM` has passed. None when the
 * setting was made after that moment (its first digest is the next one).
 */
export function latestDueDigest(
  setting: DigestSetting,
  now: number,
): { day: string; dueAt: number } | undefined {
  let day = localDay(now, setting.timeZone);
  let dueAt = zonedInstant(day, setting.time, setting.timeZone);
  if (dueAt > now) {
    day = addDays(day, -1);
    dueAt = zonedInstant(day, setting.time, setting.timeZone);
  }
  return dueAt >= setting.updatedAt ? { day, dueAt } : undefined;
}

/** The claim key of one channel's digest of one day. */
export function digestKey(setting: Pick<DigestSetting, 'teamId' | 'channelId'>, day: string): string {
  return `digest:${setting.teamId}:${setting.channelId}:${day}`;
}

async function projectSummaries(store: Store, setting: DigestSetting, from: number, to: number) {
  const subs = await store.listSubscriptions({ teamId: setting.teamId, channelId: setting.channelId });
  return Promise.all(
    subs.map(async (sub) => {
      const hook = await store.getHook(sub.hookId);
      const history = foldHistory(await store.listHookEvents(sub.hookId, HISTORY_EVENTS));
      const project = {
        projectId: sub.projectId,
        projectName: hook?.projectName ?? null,
        projectSlug: hook?.projectSlug ?? null,
      };
      return { project, summary: summarizeWindow(history, from, to) };
    }),
  );
}

/**
 * Claims the channel's digest of the latest due day, once across instances and restarts (the claim
 * is the notice's key). A day without deployments is claimed with nothing to post. True when this
 * call claimed something to post.
 */
export async function claimDailyDigest(store: Store, setting: DigestSetting, now: number): Promise<boolean> {
  const due = latestDueDigest(setting, now);
  if (!due) return false;
  const key = digestKey(setting, due.day);
  if (await store.getNotice(key)) return false;
  const from = zonedInstant(addDays(due.day, -1), setting.time, setting.timeZone);
  const projects = await projectSummaries(store, setting, from, due.dueAt);
  const active = projects.some((p) => p.summary.deployments > 0);
  const message = active ? renderDigest({ day: due.day, timeZone: setting.timeZone, projects }) : null;
  const notice = { key, teamId: setting.teamId, channelId: setting.channelId, kind: 'digest' as const };
  const claimed = await store.claimNotice({ ...notice, message, createdAt: now });
  return claimed && active;
}
