import { renderMuteSummary } from '../blocks/notices/render-mute-summary.js';
import { HISTORY_EVENTS } from '../delivery/channel-signals.js';
import { foldHistory } from '../sota/history/deployment-history.js';
import { summarizeWindow } from '../sota/history/summarize-window.js';
import { MUTE_ALL, type Mute } from '../store/signal-types.js';
import type { Store } from '../store/types.js';

export interface EndMuteDeps {
  store: Store;
  now: () => number;
}

/** The claim key of a mute's one summary: the mute is identified by its start. */
export function muteSummaryKey(mute: Pick<Mute, 'teamId' | 'channelId' | 'target' | 'mutedAt'>): string {
  return `mute:${mute.teamId}:${mute.channelId}:${mute.target}:${mute.mutedAt}`;
}

/** What each muted project deployed from the mute's start until now. */
async function mutedProjects(deps: EndMuteDeps, mute: Mute, endedAt: number) {
  const subs = await deps.store.listSubscriptions({ teamId: mute.teamId, channelId: mute.channelId });
  const chosen = subs.filter((s) => mute.target === MUTE_ALL || s.projectId === mute.target);
  return Promise.all(
    chosen.map(async (sub) => {
      const hook = await deps.store.getHook(sub.hookId);
      const history = foldHistory(await deps.store.listHookEvents(sub.hookId, HISTORY_EVENTS));
      const s = summarizeWindow(history, mute.mutedAt, endedAt + 1);
      const project = {
        projectId: sub.projectId,
        projectName: hook?.projectName ?? null,
        projectSlug: hook?.projectSlug ?? null,
      };
      return { project, deployments: s.deployments, failed: s.failed, latest: s.latest };
    }),
  );
}

/**
 * Ends a mute (by command or because its time is up) and claims its one summary message, in one
 * store transaction: whichever instance gets there first ends it, every other call is a no-op.
 * True when this call ended it.
 */
export async function endMute(deps: EndMuteDeps, mute: Mute, endedBy: 'command' | 'time'): Promise<boolean> {
  const endedAt = deps.now();
  const projects = await mutedProjects(deps, mute, endedAt);
  const scope = mute.target === MUTE_ALL ? 'all' : 'project';
  const message = renderMuteSummary({ scope, mutedAt: mute.mutedAt, endedAt, endedBy, projects });
  return deps.store.endMute(mute, {
    key: muteSummaryKey(mute),
    teamId: mute.teamId,
    channelId: mute.channelId,
    kind: 'mute_summary',
    message,
    createdAt: endedAt,
  });
}
