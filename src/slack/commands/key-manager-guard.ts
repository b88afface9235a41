import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { checkKeyManager, type KeyManagerDeps } from '../check-key-manager.js';
import { type CommandContext, type CommandResult, note } from './command-types.js';

/**
 * The refusal for a member who may not manage the workspace's key (answered to them only), or
 * undefined when they may. `what` completes "Only … can <what>".
 */
export async function refuseUnlessKeyManager(
  deps: KeyManagerDeps,
  ctx: CommandContext,
  what: string,
): Promise<CommandResult | undefined> {
  const check = await checkKeyManager(deps, { client: ctx.client, teamId: ctx.teamId, userId: ctx.userId });
  if (check.ok) return undefined;
  deps.logger.info(
    { teamId: ctx.teamId, userId: ctx.userId, what, reason: check.reason },
    'key change refused',
  );
  return note(
    check.reason === 'check_failed'
      ? COMMAND_NOTES.keyManagerCheckFailed()
      : COMMAND_NOTES.notKeyManager(what),
  );
}
