import { PERMANENT_SLACK_ERRORS } from '../delivery/classify-slack-error.js';
import type { SubscriptionStore } from '../store/types.js';

/** The pause reasons that a new installation fixes: the workspace's token was refused. */
export const WORKSPACE_PAUSE_REASONS = Object.entries(PERMANENT_SLACK_ERRORS)
  .filter(([, scope]) => scope === 'workspace')
  .map(([code]) => code);

/**
 * The app was installed again: every subscription of the workspace paused because its token was
 * refused resumes (filter, mode and subscriber kept). Returns how many resumed.
 */
export async function resumeWorkspace(store: SubscriptionStore, teamId: string): Promise<number> {
  const subs = await store.listSubscriptions({ teamId });
  let resumed = 0;
  for (const sub of subs) {
    if (sub.state !== 'paused' || !WORKSPACE_PAUSE_REASONS.includes(sub.pausedReason ?? '')) continue;
    await store.upsertSubscription({
      teamId,
      channelId: sub.channelId,
      projectId: sub.projectId,
      hookId: sub.hookId,
      events: sub.events,
      ...(sub.changes !== undefined ? { changes: sub.changes } : {}),
      createdBy: sub.createdBy,
    });
    resumed += 1;
  }
  return resumed;
}
