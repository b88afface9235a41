import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { operatorTokenFor } from '../operator-token.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';
import { refuseUnlessKeyManager } from './key-manager-guard.js';

/** `/sota disconnect`: forgets the workspace's own sota.io key (its managers only). */
export function createDisconnectCommand(deps: Pick<CommandDeps, 'store' | 'config' | 'logger'>) {
  return async (ctx: CommandContext): Promise<CommandResult> => {
    const fallback = operatorTokenFor(deps.config, ctx.teamId) !== undefined;
    if (!(await deps.store.getApiKey(ctx.teamId))) return note(COMMAND_NOTES.notConnected(fallback));
    const refused = await refuseUnlessKeyManager(deps, ctx, 'disconnect it');
    if (refused) return refused;
    const removed = await deps.store.deleteApiKey(ctx.teamId);
    if (!removed) return note(COMMAND_NOTES.notConnected(fallback));
    deps.logger.info({ teamId: ctx.teamId, userId: ctx.userId }, 'sota.io API key disconnected');
    return note(COMMAND_NOTES.disconnected(fallback));
  };
}
