import type { Logger } from '../../log/logger.js';
import type { SotaClient } from '../../sota/client.js';
import type { Store } from '../../store/types.js';

/**
 * Registrations whose answer was lost (timeout, reset, unreadable answer): sota.io may hold a webhook for a
 * hook id we never stored, which nobody could verify deliveries of. Each is looked for and deleted again —
 * a few times over the next minutes, and at once before the same project is registered again — matched by
 * the exact hook id in its URL (ours alone, so no other registration is ever touched).
 */
export interface LostRegistrations {
  add(projectId: string, hookId: string, sota: SotaClient): void;
  /** Sweeps the project's lost registrations now; resolves when done (errors are logged, never thrown). */
  sweep(projectId: string): Promise<void>;
  /** Hook ids still being looked for (for tests and logs). */
  pending(): string[];
}

const DEFAULT_DELAYS_MS = [5_000, 30_000, 120_000, 600_000];

interface Lost {
  projectId: string;
  hookId: string;
  sota: SotaClient;
}

export function createLostRegistrations(deps: {
  store: Pick<Store, 'getHook'>;
  logger: Logger;
  delaysMs?: readonly number[];
}): LostRegistrations {
  const lost = new Map<string, Lost>();

  async function sweepOne(entry: Lost): Promise<void> {
    try {
      if (await deps.store.getHook(entry.hookId)) return void lost.delete(entry.hookId);
      const suffix = `/webhooks/sota/${entry.hookId}`;
      const remote = (await entry.sota.listWebhooks(entry.projectId)).find((w) => w.url.endsWith(suffix));
      if (!remote) return;
      const outcome = await entry.sota.deleteWebhook(entry.projectId, remote.id);
      const fields = { projectId: entry.projectId, hookId: entry.hookId, sotaWebhookId: remote.id, outcome };
      if (outcome === 'unsupported') {
        deps.logger.error(
          fields,
          'webhook from a lost registration cannot be deleted through the API; delete it on sota.io',
        );
      } else {
        deps.logger.warn(fields, 'webhook from a lost registration removed');
      }
      lost.delete(entry.hookId);
    } catch (err) {
      deps.logger.warn(
        { hookId: entry.hookId, code: (err as { code?: unknown }).code },
        'lost registration sweep failed',
      );
    }
  }

  return {
    add(projectId, hookId, sota) {
      const entry = { projectId, hookId, sota };
      lost.set(hookId, entry);
      for (const delay of deps.delaysMs ?? DEFAULT_DELAYS_MS) {
        setTimeout(() => {
          if (lost.has(hookId)) void sweepOne(entry);
        }, delay).unref();
      }
    },
    async sweep(projectId) {
      await Promise.all([...lost.values()].filter((e) => e.projectId === projectId).map(sweepOne));
    },
    pending: () => [...lost.keys()],
  };
}
