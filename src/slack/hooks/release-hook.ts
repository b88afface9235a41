import type { Logger } from '../../log/logger.js';
import type { SotaClient } from '../../sota/client.js';
import type { Hook, HookStore, SubscriptionStore } from '../../store/types.js';
import { deleteRemoteWebhook } from './delete-remote-webhook.js';

/**
 * After a channel stopped using `hook`: when no channel uses it any more, retire it (it answers
 * 410 from then on) and try to delete its remote webhook. Returns whether it was retired.
 */
export async function releaseHookIfUnused(
  deps: { store: HookStore & SubscriptionStore; logger: Logger },
  hook: Hook,
  sota: SotaClient | undefined,
): Promise<boolean> {
  if (hook.status !== 'active') return false;
  if ((await deps.store.countSubscriptionsForHook(hook.id)) > 0) return false;
  await deps.store.retireHook(hook.id, false);
  deps.logger.info({ hookId: hook.id, projectId: hook.projectId }, 'hook retired: no channel uses it');
  await deleteRemoteWebhook(deps, hook, sota);
  return true;
}
