import type { Logger } from '../log/logger.js';
import { isSotaApiError } from '../sota/api-error.js';
import type { SotaClient } from '../sota/client.js';
import { reduceDeployment } from '../sota/deployment-state.js';
import type { DeliveryJob, Store, StoredEvent } from '../store/types.js';
import { deliveredEvents } from './load-delivery-target.js';
import { NO_REASON_EVENT, noReasonPayload, REASON_EVENT, reasonPayload } from './reason-record.js';

export interface ReasonLookupDeps {
  store: Pick<Store, 'ingestEvent' | 'listRecentFailures' | 'listDeploymentEvents'>;
  logger: Logger;
  /** The sota.io key the workspace may use (its own, or the operator's when allowed). */
  sotaTokenFor: (teamId: string) => Promise<string | undefined>;
  sotaClientFor: (token: string) => SotaClient;
  /** Runs the delivery queue soon (after a reason was stored). */
  wake: () => void;
  now: () => number;
  /** Waits before each retry; the last one ends a few minutes after the failure. */
  retryDelaysMs?: readonly number[];
}

export interface ReasonLookup {
  request(job: Pick<DeliveryJob, 'teamId' | 'hookId' | 'projectId' | 'deploymentId'>): void;
  /**
   * After a start: looks up again the failures received in the last `windowMs` that are shown
   * without a reason and have no stored outcome of a lookup (one cut short by a stop or a crash).
   * Returns how many it asked for.
   */
  resume(windowMs?: number): Promise<number>;
  stop(): void;
}

/** Pages of `GET …/deployments` looked through (newest first), and their size. */
export const REASON_PAGES = 3;
export const REASON_PAGE_SIZE = 20;
const DEFAULT_DELAYS_MS = [5_000, 20_000, 60_000, 120_000];
/** How far back `resume` looks: a little longer than the retries of one lookup last. */
export const RESUME_WINDOW_MS = 10 * 60_000;
const RESUME_LIMIT = 200;
const REMEMBERED = 10_000;

type Target = Parameters<ReasonLookup['request']>[0];

/** The deployment's `error_message` / `error` from the newest pages; undefined when not there. */
export async function findReason(sota: SotaClient, projectId: string, deploymentId: string) {
  let cursor: string | undefined;
  for (let page = 0; page < REASON_PAGES; page++) {
    const found = await sota.listDeploymentPage(projectId, {
      limit: REASON_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    const match = found.deployments.find((d) => d.id.toLowerCase() === deploymentId.toLowerCase());
    if (match) return match.errorMessage ?? undefined;
    if (!found.nextCursor) return undefined;
    cursor = found.nextCursor;
  }
  return undefined;
}

/** The deployment's stored events say "failed", and none of them gives a reason. */
function shownWithoutReason(meta: { projectId: string; deploymentId: string }, stored: StoredEvent[]) {
  const view = reduceDeployment({ ...meta, projectName: null }, deliveredEvents(stored));
  return view?.status === 'failed' && !view.errorMessage;
}

const retryable = (err: unknown) =>
  isSotaApiError(err) && (err.status === 0 || err.status === 429 || err.status >= 500);

/**
 * Looks up the reason of a failure that arrived without one, once per deployment, with bounded
 * retries on timeouts, 429 (after its Retry-After) and 5xx. A found reason is stored beside the
 * deployment's events and queued like an event, so every channel's message gets it in one update.
 * A key that cannot read the project is logged once and the message stays as it is.
 */
export function createReasonLookup(deps: ReasonLookupDeps): ReasonLookup {
  const delays = deps.retryDelaysMs ?? DEFAULT_DELAYS_MS;
  const asked = new Set<string>();
  const refused = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  /** Stores the outcome beside the deployment's events: a reason is delivered, "none" only kept. */
  function store(target: Target, event: string, payload: string, disposition: 'deliver' | 'unknown') {
    const at = deps.now();
    return deps.store.ingestEvent({
      ...{ hookId: target.hookId, projectId: target.projectId, deploymentId: target.deploymentId },
      ...{ event, occurredAt: new Date(at).toISOString(), receivedAt: at, payload, disposition },
    });
  }

  async function attempt(target: Target, retry: number): Promise<void> {
    const where = { teamId: target.teamId, projectId: target.projectId, deploymentId: target.deploymentId };
    try {
      const token = await deps.sotaTokenFor(target.teamId);
      if (!token) return;
      const reason = await findReason(deps.sotaClientFor(token), target.projectId, target.deploymentId);
      if (!reason) {
        deps.logger.info(where, 'sota.io lists no reason for this failure');
        await store(target, NO_REASON_EVENT, noReasonPayload('not_listed'), 'unknown');
        return;
      }
      const { enqueued } = await store(target, REASON_EVENT, reasonPayload(reason), 'deliver');
      if (enqueued > 0) deps.wake();
    } catch (err) {
      if (retryable(err) && retry < delays.length) {
        const wait = Math.max(
          delays[retry] ?? 0,
          ((isSotaApiError(err) && err.retryAfterSeconds) || 0) * 1000,
        );
        return later(wait, () => void attempt(target, retry + 1));
      }
      const code = isSotaApiError(err) ? err.code : 'internal';
      const key = `${target.teamId}:${target.projectId}`;
      if (isSotaApiError(err) && !retryable(err)) {
        await store(target, NO_REASON_EVENT, noReasonPayload('refused', err.code), 'unknown').catch(
          () => undefined,
        );
        if (refused.has(key)) return;
        refused.add(key);
      }
      deps.logger.warn({ ...where, code }, 'could not look up the reason of a failure in sota.io');
    }
  }

  function request(target: Target): void {
    const key = `${target.hookId}:${target.deploymentId}`;
    if (stopped || asked.has(key)) return;
    if (asked.size >= REMEMBERED) asked.clear();
    asked.add(key);
    void attempt(target, 0);
  }

  return {
    request,
    async resume(windowMs = RESUME_WINDOW_MS) {
      const since = deps.now() - windowMs;
      const unless = [REASON_EVENT, NO_REASON_EVENT];
      let resumed = 0;
      for (const failure of await deps.store.listRecentFailures(since, unless, RESUME_LIMIT)) {
        const stored = await deps.store.listDeploymentEvents(failure.hookId, failure.deploymentId);
        if (!shownWithoutReason(failure, stored)) continue;
        request(failure);
        resumed += 1;
      }
      return resumed;
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
