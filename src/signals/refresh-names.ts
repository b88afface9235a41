import type { Logger } from '../log/logger.js';
import { isSotaApiError } from '../sota/api-error.js';
import type { SotaClient } from '../sota/client.js';
import type { Store } from '../store/types.js';

export const NAME_REFRESH_MS = 24 * 3600_000;
const BATCH = 50;

export interface RefreshNamesDeps {
  store: Store;
  logger: Logger;
  /** The sota.io token a workspace uses (its own key, else the operator's where allowed). */
  tokenFor: (teamId: string) => Promise<string | undefined>;
  sotaClientFor: (token: string) => SotaClient;
}

/**
 * Keeps followed projects' names and slugs as sota.io has them: each hook is looked at most once a
 * day (one project list per workspace), so a project renamed at sota.io shows its new name.
 */
export function createNameRefresher(deps: RefreshNamesDeps): (now: number) => Promise<void> {
  return async (now) => {
    const due = await deps.store.listHooksToRefresh(now - NAME_REFRESH_MS, BATCH);
    const byTeam = new Map<string, typeof due>();
    for (const hook of due) byTeam.set(hook.teamId, [...(byTeam.get(hook.teamId) ?? []), hook]);
    for (const [teamId, hooks] of byTeam) {
      const projects = await listProjects(deps, teamId);
      for (const { id, projectId } of hooks) {
        const hook = await deps.store.getHook(id);
        if (!hook) continue;
        const fresh = projects?.find((p) => p.id === projectId);
        await deps.store.renameHookProject(
          id,
          fresh?.name ?? hook.projectName,
          fresh?.slug ?? hook.projectSlug,
          now,
        );
      }
    }
  };
}

async function listProjects(deps: RefreshNamesDeps, teamId: string) {
  const token = await deps.tokenFor(teamId);
  if (!token) return undefined;
  try {
    return await deps.sotaClientFor(token).listProjects();
  } catch (err) {
    const code = isSotaApiError(err) ? err.code : 'internal';
    deps.logger.warn({ teamId, code }, 'could not refresh project names from sota.io; trying again tomorrow');
    return undefined;
  }
}
