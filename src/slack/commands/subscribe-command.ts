import { COMMAND_NOTES } from '../../blocks/commands/command-notes.js';
import {
  renderSubscribed,
  type SubscriptionChange,
} from '../../blocks/commands/render-subscription-change.js';
import { describeFailureKind, type FailureKind } from '../../net/failure-kind.js';
import type { SotaClient, SotaProject } from '../../sota/client.js';
import type { KnownEvent } from '../../sota/event.js';
import { checkChannelAccess } from '../check-channel-access.js';
import { ensureHook } from '../hooks/ensure-hook.js';
import { resolveSotaToken } from '../resolve-sota-token.js';
import {
  type CommandContext,
  type CommandDeps,
  type CommandResult,
  note,
  projectLockKey,
} from './command-types.js';

/**
 * `/sota subscribe <project> [events…] [changes]`: checks the preconditions (public URL, a sota.io key, the
 * channel), resolves the project, then — serialised per (team, project) — makes sure the workspace
 * has a hook for it and records this channel's subscription with its filter.
 */
export function createSubscribeCommand(deps: CommandDeps) {
  return async (
    ctx: CommandContext,
    project: string,
    events: KnownEvent[],
    changes = false,
  ): Promise<CommandResult> => {
    const publicUrl = deps.config.publicUrl;
    if (!publicUrl) return note(COMMAND_NOTES.noPublicUrl());
    const token = await resolveSotaToken(deps.store, deps.config, ctx.teamId);
    if (!token) return note(COMMAND_NOTES.noSotaKey());
    const access = await checkChannelAccess(ctx.client, ctx.channelId);
    if (!access.ok) {
      if (access.reason === 'not_member') return note(COMMAND_NOTES.notInChannel());
      return channelCheckFailure(deps, ctx, access);
    }
    const sota = deps.sotaClientFor(token);
    const found = await sota.findProject(project);
    if (!found) return note(COMMAND_NOTES.projectNotFound(project));
    return deps.lock.run(projectLockKey(ctx.teamId, found.id), () =>
      subscribe(deps, { ctx, project: found, events, changes, sota, publicUrl }),
    );
  };
}

/** Slack did not tell whether the bot may post here: the log and the answer name the call and how it failed. */
function channelCheckFailure(
  deps: CommandDeps,
  ctx: CommandContext,
  access: { code: string; failure: FailureKind | undefined },
): CommandResult {
  const method = 'conversations.info';
  const fields = { service: 'Slack', method, failure: access.failure, code: access.code, teamId: ctx.teamId };
  if (!access.failure) {
    deps.logger.warn(fields, `Slack ${method} failed: ${access.code}`);
    return note(COMMAND_NOTES.channelCheckFailed(access.code));
  }
  const how = describeFailureKind(access.failure);
  deps.logger.warn(fields, `Slack ${method} failed: ${how}`);
  return note(COMMAND_NOTES.slackUnreachable('check this channel', method, how));
}

async function subscribe(
  deps: CommandDeps,
  input: {
    ctx: CommandContext;
    project: SotaProject;
    events: KnownEvent[];
    changes: boolean;
    sota: SotaClient;
    publicUrl: string;
  },
): Promise<CommandResult> {
  const { ctx, project, events, changes } = input;
  const hook = await ensureHook({ ...deps, publicUrl: input.publicUrl }, ctx.teamId, project, input.sota);
  // The project was just read from sota.io: its name and slug are fresh for another day.
  await deps.store.renameHookProject(hook.id, project.name, project.slug, deps.now());
  const before = await deps.store.getSubscription(ctx.teamId, ctx.channelId, project.id);
  await deps.store.upsertSubscription({
    teamId: ctx.teamId,
    channelId: ctx.channelId,
    projectId: project.id,
    hookId: hook.id,
    events,
    changes,
    createdBy: ctx.userId,
  });
  const change: SubscriptionChange = !before ? 'created' : before.state === 'paused' ? 'resumed' : 'updated';
  deps.logger.info(
    { teamId: ctx.teamId, channelId: ctx.channelId, projectId: project.id, hookId: hook.id, change },
    'channel subscribed',
  );
  const ref = { projectId: project.id, projectName: project.name, projectSlug: project.slug };
  return renderSubscribed({ userId: ctx.userId, project: ref, events, changes, change });
}
