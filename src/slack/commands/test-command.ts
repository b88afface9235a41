import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import { renderSampleMessage } from '../../blocks/commands/render-sample-message.js';
import type { ProjectRef } from '../../blocks/commands/render-subscription-change.js';
import { SlackHeldError } from '../../delivery/paced-call.js';
import { describeFailureKind } from '../../net/failure-kind.js';
import { outboundFailure } from '../../net/outbound-failure.js';
import { resolveSotaToken } from '../resolve-sota-token.js';
import { slackErrorCode } from '../slack-error-code.js';
import { findByProject, listChannelSubscriptions } from './channel-subscriptions.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';

type Lookup = { ok: true; project: ProjectRef } | { ok: false; result: CommandResult };

/** The project by the channel's subscriptions first, else through sota.io. */
async function lookUpProject(deps: CommandDeps, ctx: CommandContext, asked: string): Promise<Lookup> {
  const subscribed = findByProject(
    await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId),
    asked,
  );
  if (subscribed) return { ok: true, project: subscribed };
  const token = await resolveSotaToken(deps.store, deps.config, ctx.teamId);
  if (!token) return { ok: false, result: note(COMMAND_NOTES.noSotaKey()) };
  const found = await deps.sotaClientFor(token).findProject(asked);
  if (!found) return { ok: false, result: note(COMMAND_NOTES.projectNotFound(asked)) };
  return { ok: true, project: { projectId: found.id, projectName: found.name, projectSlug: found.slug } };
}

/** `/sota test <project>`: posts a sample deployment message, marked as a test, in the channel. */
export function createTestCommand(deps: CommandDeps) {
  return async (ctx: CommandContext, asked: string): Promise<CommandResult> => {
    const lookup = await lookUpProject(deps, ctx, asked);
    if (!lookup.ok) return lookup.result;
    const { projectId, projectSlug } = lookup.project;
    const projectName = lookup.project.projectName ?? projectSlug ?? projectId;
    const message = renderSampleMessage({ projectId, projectName, projectSlug, now: deps.now() });
    try {
      await deps.pacedCall(ctx, 'chat.postMessage', () =>
        ctx.client.chat.postMessage({ channel: ctx.channelId, text: message.text, blocks: message.blocks }),
      );
    } catch (err) {
      if (err instanceof SlackHeldError) {
        const seconds = Math.max(1, Math.ceil((err.until - deps.now()) / 1000));
        return note(COMMAND_NOTES.testHeld(seconds));
      }
      const code = slackErrorCode(err);
      const call = outboundFailure('Slack', 'chat.postMessage', err);
      deps.logger.warn(
        { teamId: ctx.teamId, channelId: ctx.channelId, code, ...call },
        'sample message not posted',
      );
      if (!call.failure) return note(COMMAND_NOTES.testFailed(code));
      const how = describeFailureKind(call.failure);
      return note(COMMAND_NOTES.slackUnreachable('post the sample message', call.method, how));
    }
    return note(COMMAND_NOTES.testPosted(projectName));
  };
}
