import type { Logger } from '../log/logger.js';
import type { SotaClient } from '../sota/client.js';
import type { HookStore, WorkspaceStore } from '../store/types.js';
import { deleteRemoteWebhook } from './hooks/delete-remote-webhook.js';
import type { OperatorKeyConfig } from './operator-token.js';
import { resolveSotaToken } from './resolve-sota-token.js';

export interface ForgetWorkspaceDeps {
  store: WorkspaceStore & HookStore;
  logger: Logger;
  config: OperatorKeyConfig;
  sotaClientFor: (token: string) => SotaClient;
}

/**
 * The app was uninstalled or its tokens revoked: forget the workspace (installation, key,
 * subscriptions, queued deliveries; hooks retired so they answer 410), then try to delete the
 * retired hooks' remote webhooks with the key read beforehand. Safe to run repeatedly and
 * concurrently: a second run retires nothing and so deletes nothing.
 */
export async function forgetWorkspace(
  deps: ForgetWorkspaceDeps,
  teamId: string,
  reason: string,
): Promise<void> {
  const token = await resolveSotaToken(deps.store, deps.config, teamId);
  const retired = await deps.store.forgetWorkspace(teamId);
  deps.logger.info({ teamId, reason, hooksRetired: retired.length }, 'workspace forgotten');
  const sota = token ? deps.sotaClientFor(token) : undefined;
  for (const hook of retired) {
    if (!hook.remoteDeleted) await deleteRemoteWebhook(deps, hook, sota);
  }
}
