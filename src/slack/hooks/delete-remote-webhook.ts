import type { Logger } from '../../log/logger.js';
import { isSotaApiError } from '../../sota/api-error.js';
import type { SotaClient } from '../../sota/client.js';
import type { Hook, Store } from '../../store/types.js';

/**
 * Best effort: asks sota.io to delete a retired hook's webhook (undocumented; 404 means gone,
 * 405/501 unsupported) and records a confirmed delete. Never throws; logs what it could not do once.
 */
export async function deleteRemoteWebhook(
  deps: { store: Pick<Store, 'setHookRemoteDeleted'>; logger: Logger },
  hook: Pick<Hook, 'id' | 'projectId' | 'sotaWebhookId'>,
  sota: SotaClient | undefined,
): Promise<void> {
  const fields = { hookId: hook.id, projectId: hook.projectId, sotaWebhookId: hook.sotaWebhookId };
  if (!hook.sotaWebhookId || !sota) {
    deps.logger.warn(
      fields,
      'retired hook left registered with sota.io (no API key to delete it); it answers 410',
    );
    return;
  }
  try {
    const result = await sota.deleteWebhook(hook.projectId, hook.sotaWebhookId);
    if (result === 'unsupported') {
      deps.logger.info(fields, 'sota.io does not delete webhooks; the retired hook answers 410');
      return;
    }
    await deps.store.setHookRemoteDeleted(hook.id);
    deps.logger.info({ ...fields, result }, 'remote webhook deleted');
  } catch (err) {
    const code = isSotaApiError(err) ? err.code : 'internal';
    deps.logger.warn(
      { ...fields, code },
      'could not delete the remote webhook; the retired hook answers 410',
    );
  }
}
