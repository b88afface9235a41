import { SETTINGS_NOTES } from '../../blocks/commands/settings-notes.js';
import type { ActionAccess } from '../../store/types.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';
import { refuseUnlessKeyManager } from './key-manager-guard.js';

/** `/sota actions [off|everyone|<mentions…>]`: who may press Redeploy / Roll back (its managers change it). */
export function createActionsCommand(deps: Pick<CommandDeps, 'store' | 'logger' | 'now'>) {
  return async (ctx: CommandContext, access: ActionAccess | 'show'): Promise<CommandResult> => {
    if (access === 'show')
      return note(SETTINGS_NOTES.actions(await deps.store.getActionAccess(ctx.teamId), false));
    const refused = await refuseUnlessKeyManager(deps, ctx, 'change who may redeploy and roll back');
    if (refused) return refused;
    await deps.store.setActionAccess(ctx.teamId, access, ctx.userId, deps.now());
    deps.logger.info({ teamId: ctx.teamId, userId: ctx.userId, mode: access.mode }, 'action access changed');
    return note(SETTINGS_NOTES.actions(access, true));
  };
}
