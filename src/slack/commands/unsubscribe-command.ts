import { renderNotSubscribed, renderUnsubscribed } from '../../blocks/commands/render-subscription-change.js';
import { releaseHookIfUnused } from '../hooks/release-hook.js';
import { resolveSotaToken } from '../resolve-sota-token.js';
import { findByProject, listChannelSubscriptions } from './channel-subscriptions.js';
import {
  type CommandContext,
  type CommandDeps,
  type CommandResult,
  projectLockKey,
} from './command-types.js';

/**
 * `/sota unsubscribe <project>`: removes this channel's subscription (found by id, slug or name,
 * without asking sota.io); when no channel uses the hook any more it is retired and its remote
 * webhook deleted where sota.io allows.
 */
export function createUnsubscribeCommand(deps: CommandDeps) {
  return async (ctx: CommandContext, project: string): Promise<CommandResult> => {
    const subs = await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId);
    const match = findByProject(subs, project);
    if (!match) return renderNotSubscribed(project, subs);
    return deps.lock.run(projectLockKey(ctx.teamId, match.projectId), async () => {
      const removed = await deps.store.deleteSubscription(ctx.teamId, ctx.channelId, match.projectId);
      if (!removed) return renderNotSubscribed(project, []);
      await deps.store.setMentions(ctx.teamId, ctx.channelId, match.projectId, []);
      deps.logger.info(
        { teamId: ctx.teamId, channelId: ctx.channelId, projectId: match.projectId },
        'channel unsubscribed',
      );
      await release(deps, ctx.teamId, removed.hookId);
      return renderUnsubscribed({ userId: ctx.userId, project: match });
    });
  };
}

async function release(deps: CommandDeps, teamId: string, hookId: string): Promise<void> {
  const hook = await deps.store.getHook(hookId);
  if (!hook) return;
  const token = await resolveSotaToken(deps.store, deps.config, teamId);
  await releaseHookIfUnused(deps, hook, token ? deps.sotaClientFor(token) : undefined);
}
