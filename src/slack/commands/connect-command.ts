import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { renderConnectModal } from '../../blocks/commands/render-connect-modal.js';
import { outboundFailure } from '../../net/outbound-failure.js';
import { slackErrorCode } from '../slack-error-code.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';
import { encodeConnectMetadata } from './connect-metadata.js';
import { refuseUnlessKeyManager } from './key-manager-guard.js';

/**
 * `/sota connect`: opens the modal where the key is pasted (it never goes through the channel).
 * Anyone may connect the first key; replacing a stored one is for the key's managers.
 */
export function createConnectCommand(deps: Pick<CommandDeps, 'logger' | 'store'>) {
  return async (ctx: CommandContext): Promise<CommandResult | undefined> => {
    if (await deps.store.getApiKey(ctx.teamId)) {
      const refused = await refuseUnlessKeyManager(deps, ctx, 'replace it');
      if (refused) return refused;
    }
    const metadata = encodeConnectMetadata({
      channelId: ctx.channelId,
      userId: ctx.userId,
      responseUrl: ctx.responseUrl,
    });
    try {
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: renderConnectModal(metadata) });
      return undefined;
    } catch (err) {
      deps.logger.warn(
        { teamId: ctx.teamId, code: slackErrorCode(err), ...outboundFailure('Slack', 'views.open', err) },
        'could not open the connect modal',
      );
      return note(COMMAND_NOTES.connectOpenFailed());
    }
  };
}
