import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { renderConnectModal } from '../../blocks/commands/render-connect-modal.js';
import { slackErrorCode } from '../slack-error-code.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';
import { encodeConnectMetadata } from './connect-metadata.js';

/** `/sota connect`: opens the modal where the key is pasted (it never goes through the channel). */
export function createConnectCommand(deps: Pick<CommandDeps, 'logger'>) {
  return async (ctx: CommandContext): Promise<CommandResult | undefined> => {
    const metadata = encodeConnectMetadata({
      channelId: ctx.channelId,
      userId: ctx.userId,
      responseUrl: ctx.responseUrl,
    });
    try {
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: renderConnectModal(metadata) });
      return undefined;
    } catch (err) {
      deps.logger.warn({ teamId: ctx.teamId, code: slackErrorCode(err) }, 'could not open the connect modal');
      return note(COMMAND_NOTES.connectOpenFailed());
    }
  };
}
