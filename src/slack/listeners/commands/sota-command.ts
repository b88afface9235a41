import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../log/logger.js';
import type { CommandResult } from '../../commands/command-types.js';
import type { SotaCommandRunner } from '../../commands/run-sota-command.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * The `/sota` listener: acks at once (Slack wants an answer within 3 s), runs the command, and
 * sends the result through `respond` — ephemeral, or in the channel for a (un)subscribe.
 */
export function createSotaCommandListener(deps: { run: SotaCommandRunner; logger: Logger }) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    await ack();
    const result = await deps.run(command.text ?? '', {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
      responseUrl: command.response_url,
      client,
    });
    if (!result) return;
    try {
      await respond(toResponse(result));
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      deps.logger.warn({ teamId: command.team_id, status }, 'could not answer through response_url');
    }
  };
}

function toResponse(result: CommandResult) {
  return {
    response_type: result.inChannel ? ('in_channel' as const) : ('ephemeral' as const),
    text: result.text,
    ...(result.blocks ? { blocks: result.blocks } : {}),
  };
}
