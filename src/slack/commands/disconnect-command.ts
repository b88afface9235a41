import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';

/** `/sota disconnect`: forgets the workspace's own sota.io key. */
export function createDisconnectCommand(deps: Pick<CommandDeps, 'store' | 'config' | 'logger'>) {
  return async (ctx: CommandContext): Promise<CommandResult> => {
    const fallback = deps.config.sotaApiToken !== undefined;
    const removed = await deps.store.deleteApiKey(ctx.teamId);
    if (!removed) return note(COMMAND_NOTES.notConnected(fallback));
    deps.logger.info({ teamId: ctx.teamId, userId: ctx.userId }, 'sota.io API key disconnected');
    return note(COMMAND_NOTES.disconnected(fallback));
  };
}
