import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { renderHelp } from '../../blocks/commands/render-help.js';
import { isSotaApiError } from '../../sota/api-error.js';
import { describeSotaError } from '../../sota/describe-sota-error.js';
import { createActionsCommand } from './actions-command.js';
import type { CommandContext, CommandDeps, CommandResult } from './command-types.js';
import { note } from './command-types.js';
import { createConnectCommand } from './connect-command.js';
import { createDisconnectCommand } from './disconnect-command.js';
import { createListCommand } from './list-command.js';
import { createMentionCommand } from './mention-command.js';
import { createDigestCommand, createMuteCommand, createUnmuteCommand } from './mute-commands.js';
import { parseSotaCommand, type SotaCommand } from './parse-command.js';
import { createSubscribeCommand } from './subscribe-command.js';
import { createTestCommand } from './test-command.js';
import { createUnsubscribeCommand } from './unsubscribe-command.js';

export type SotaCommandRunner = (text: string, ctx: CommandContext) => Promise<CommandResult | undefined>;

/**
 * Parses and runs one `/sota` command; returns the answer (undefined: nothing to say, e.g. a
 * modal was opened). Never throws: sota.io failures become their sentence, anything else a
 * generic answer, and both are logged with a code (never with a secret).
 */
export function createSotaCommandRunner(deps: CommandDeps): SotaCommandRunner {
  const handlers = {
    subscribe: createSubscribeCommand(deps),
    unsubscribe: createUnsubscribeCommand(deps),
    list: createListCommand(deps),
    connect: createConnectCommand(deps),
    disconnect: createDisconnectCommand(deps),
    test: createTestCommand(deps),
    mention: createMentionCommand(deps),
    actions: createActionsCommand(deps),
    mute: createMuteCommand(deps),
    unmute: createUnmuteCommand(deps),
    digest: createDigestCommand(deps),
  };
  const dispatch = (cmd: SotaCommand, ctx: CommandContext) => {
    switch (cmd.kind) {
      case 'subscribe':
        return handlers.subscribe(ctx, cmd.project, cmd.events, cmd.changes === true);
      case 'unsubscribe':
        return handlers.unsubscribe(ctx, cmd.project);
      case 'test':
        return handlers.test(ctx, cmd.project);
      case 'mention':
        return handlers.mention(ctx, cmd.project, cmd.mentions);
      case 'actions':
        return handlers.actions(ctx, cmd.access);
      case 'mute':
        return handlers.mute(ctx, cmd.target, cmd.durationMs);
      case 'unmute':
        return handlers.unmute(ctx, cmd.target);
      case 'digest':
        return handlers.digest(ctx, { time: cmd.time, timeZone: cmd.timeZone });
      case 'digest-off':
        return handlers.digest(ctx, 'off');
      case 'list':
      case 'connect':
      case 'disconnect':
        return handlers[cmd.kind](ctx);
      case 'help':
        return Promise.resolve(renderHelp());
      case 'invalid':
        return Promise.resolve(renderHelp(cmd.reason));
    }
  };
  return async (text, ctx) => {
    const cmd = parseSotaCommand(text);
    try {
      return await dispatch(cmd, ctx);
    } catch (err) {
      return failure(deps, cmd.kind, ctx, err);
    }
  };
}

function failure(deps: CommandDeps, kind: string, ctx: CommandContext, err: unknown): CommandResult {
  const where = { command: kind, teamId: ctx.teamId, channelId: ctx.channelId };
  if (isSotaApiError(err)) {
    deps.logger.warn(
      { ...where, code: err.code, status: err.status, apiCode: err.apiCode },
      'sota.io call failed',
    );
    const uncertain = err.code === 'timeout' || err.code === 'network' || err.code === 'malformed_response';
    const sentence = describeSotaError(err);
    return note(uncertain ? COMMAND_NOTES.sotaUncertain(sentence) : COMMAND_NOTES.sotaFailed(sentence));
  }
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : 'internal';
  const detail = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : typeof err;
  deps.logger.error({ ...where, code, detail }, 'command failed');
  return note(COMMAND_NOTES.internalError());
}
