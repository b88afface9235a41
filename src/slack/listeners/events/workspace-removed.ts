import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type ForgetWorkspaceDeps, forgetWorkspace } from '../../forget-workspace.js';

type Args = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;

/** `app_uninstalled` and `tokens_revoked` (either order, any number of times) end the workspace. */
export function createWorkspaceRemovedListener(deps: ForgetWorkspaceDeps) {
  return async ({ body, event, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) {
      deps.logger.warn({ event: event.type }, 'workspace event without a team id ignored');
      return;
    }
    try {
      await forgetWorkspace(deps, teamId, event.type);
    } catch (err) {
      deps.logger.error(
        { teamId, event: event.type, code: (err as { code?: unknown }).code ?? 'internal' },
        'could not forget workspace',
      );
    }
  };
}
