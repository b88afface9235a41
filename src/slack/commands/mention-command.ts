import { SETTINGS_NOTES } from '../../blocks/commands/settings-notes.js';
import { findByProject, listChannelSubscriptions } from './channel-subscriptions.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';

/** `/sota mention <project> <mentions…>|off`: who this channel pings when the project fails. */
export function createMentionCommand(deps: Pick<CommandDeps, 'store' | 'logger'>) {
  return async (ctx: CommandContext, asked: string, mentions: string[] | 'show'): Promise<CommandResult> => {
    const subs = await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId);
    const sub = findByProject(subs, asked);
    if (!sub) return note(SETTINGS_NOTES.notSubscribed(asked));
    const name = sub.projectName ?? sub.projectSlug ?? sub.projectId;
    if (mentions === 'show') {
      const current = await deps.store.getMentions(ctx.teamId, ctx.channelId, sub.projectId);
      return note(SETTINGS_NOTES.mentionShow(name, current));
    }
    await deps.store.setMentions(ctx.teamId, ctx.channelId, sub.projectId, mentions);
    deps.logger.info(
      { teamId: ctx.teamId, channelId: ctx.channelId, projectId: sub.projectId, mentions: mentions.length },
      'failure mentions set',
    );
    return note(
      mentions.length > 0 ? SETTINGS_NOTES.mentionSet(name, mentions) : SETTINGS_NOTES.mentionOff(name),
    );
  };
}
