import type { Logger } from '../../log/logger.js';
import { isSotaApiError, SotaErrorCode } from '../../sota/api-error.js';
import type { SotaClient, SotaProject } from '../../sota/client.js';
import { KNOWN_EVENTS } from '../../sota/event.js';
import type { Hook, HookStore } from '../../store/types.js';
import type { LostRegistrations } from './lost-registrations.js';

/** Failures after which sota.io may have registered the webhook without us learning its id. */
const UNKNOWN_OUTCOME = new Set<string>([
  SotaErrorCode.timeout,
  SotaErrorCode.network,
  SotaErrorCode.malformedResponse,
]);

export interface EnsureHookDeps {
  store: HookStore;
  logger: Logger;
  newHookId: () => string;
  /** `PUBLIC_URL` without a trailing slash. */
  publicUrl: string;
  lostRegistrations?: LostRegistrations;
}

/**
 * The workspace's active hook for a project: the active one, else a retired one whose remote
 * webhook was never deleted (reactivated), else a newly registered one. Callers serialise calls
 * per (team, project); a concurrent registration elsewhere is resolved in favour of the stored one.
 */
export async function ensureHook(
  deps: EnsureHookDeps,
  teamId: string,
  project: SotaProject,
  sota: SotaClient,
): Promise<Hook> {
  const existing = await deps.store.findHook(teamId, project.id);
  if (existing?.status === 'active') return existing;
  if (existing && !existing.remoteDeleted && existing.sotaWebhookId) {
    return reactivate(deps, existing, teamId, project);
  }
  return registerHook(deps, teamId, project, sota);
}

async function reactivate(deps: EnsureHookDeps, hook: Hook, teamId: string, project: SotaProject) {
  try {
    await deps.store.reactivateHook(hook.id);
    deps.logger.info({ hookId: hook.id, projectId: project.id }, 'retired hook re-used');
    return { ...hook, status: 'active' as const };
  } catch (err) {
    const winner = await deps.store.findHook(teamId, project.id);
    if (winner?.status === 'active') return winner;
    throw err;
  }
}

async function registerHook(deps: EnsureHookDeps, teamId: string, project: SotaProject, sota: SotaClient) {
  await deps.lostRegistrations?.sweep(project.id);
  const id = deps.newHookId();
  const url = `${deps.publicUrl}/webhooks/sota/${id}`;
  const webhook = await sota.createWebhook(project.id, url, KNOWN_EVENTS).catch((err: unknown) => {
    if (isSotaApiError(err) && UNKNOWN_OUTCOME.has(err.code)) {
      deps.logger.warn(
        { projectId: project.id, hookId: id, code: err.code },
        'webhook registration answer lost: looking for a webhook with this hook id to delete it',
      );
      deps.lostRegistrations?.add(project.id, id, sota);
    }
    throw err;
  });
  try {
    const hook = await deps.store.insertHook({
      id,
      teamId,
      projectId: project.id,
      projectName: project.name,
      projectSlug: project.slug,
      sotaWebhookId: webhook.id,
      secret: webhook.secret,
    });
    deps.logger.info({ hookId: id, projectId: project.id, sotaWebhookId: webhook.id }, 'webhook registered');
    return hook;
  } catch (err) {
    const winner = await deps.store.findHook(teamId, project.id).catch(() => undefined);
    await undoRegistration(deps.logger, sota, project.id, webhook.id, winner?.status === 'active');
    if (winner?.status === 'active') return winner;
    throw err;
  }
}

/** Deletes a webhook we registered but could not record; logs it at error when it may remain. */
async function undoRegistration(
  logger: Logger,
  sota: SotaClient,
  projectId: string,
  sotaWebhookId: string,
  duplicate: boolean,
): Promise<void> {
  const fields = { projectId, sotaWebhookId };
  const outcome = await sota.deleteWebhook(projectId, sotaWebhookId).catch(() => 'failed' as const);
  if (outcome === 'deleted' || outcome === 'gone') {
    const why = duplicate
      ? 'duplicate webhook removed (another registration won)'
      : 'unrecorded webhook removed';
    logger.warn({ ...fields, outcome }, why);
    return;
  }
  logger.error(
    { ...fields, outcome },
    'webhook registered with sota.io could not be recorded or deleted; delete it on sota.io by hand',
  );
}
