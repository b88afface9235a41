import type { DeploymentView } from '../sota/deployment-state.js';
import { foldHistory } from '../sota/history/deployment-history.js';
import { outcomeChangeOf } from '../sota/history/outcome-change.js';
import { usualDurationMs } from '../sota/history/usual-duration.js';
import { MUTE_ALL, type Mute } from '../store/signal-types.js';
import type { Store } from '../store/types.js';

/** How many of a hook's newest events the history reads: 20 successes and their runs of failures. */
export const HISTORY_EVENTS = 400;

export interface ChannelSignals {
  /** New messages are held back (a mute of the project or of the whole channel runs). */
  muted: boolean;
  /** The view with the project's usual duration, and its outcome change when the channel asks. */
  view: DeploymentView;
}

export function isMuted(mutes: readonly Mute[], projectId: string, now: number): boolean {
  return mutes.some((m) => (m.target === MUTE_ALL || m.target === projectId) && m.until > now);
}

/** Adds what the hook's history says about a deployment, and whether the channel is muted. */
export async function loadChannelSignals(
  store: Pick<Store, 'listHookEvents' | 'listMutes'>,
  input: { teamId: string; channelId: string; hookId: string; view: DeploymentView; changes: boolean },
  now: number,
): Promise<ChannelSignals> {
  const [events, mutes] = await Promise.all([
    store.listHookEvents(input.hookId, HISTORY_EVENTS),
    store.listMutes({ teamId: input.teamId, channelId: input.channelId }),
  ]);
  const history = foldHistory(events);
  const { deploymentId, projectId } = input.view;
  const view: DeploymentView = {
    ...input.view,
    usualDurationMs: usualDurationMs(history, { exclude: deploymentId }),
    outcomeChange: input.changes ? outcomeChangeOf(history, deploymentId) : undefined,
  };
  return { muted: isMuted(mutes, projectId, now), view };
}
