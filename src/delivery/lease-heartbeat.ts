import type { Logger } from '../log/logger.js';
import type { Store } from '../store/types.js';

export interface LeaseHeartbeatDeps {
  store: Pick<Store, 'renewLeases'>;
  logger: Logger;
  workerId: string;
  leaseMs: number;
  /** How often the leases are extended; a few beats fit in one lease. */
  intervalMs: number;
  now: () => number;
  /** Whether this worker holds any job right now (no query when it holds none). */
  holding: () => boolean;
}

export interface LeaseHeartbeat {
  start(): void;
  stop(): void;
}

/**
 * Keeps this worker's leases alive while it holds jobs: every `intervalMs` each lease it still holds
 * is extended to `now + leaseMs`. Leases can then be short, so the jobs of an instance that died are
 * free again within one lease, however long a live instance's job takes.
 */
export function createLeaseHeartbeat(deps: LeaseHeartbeatDeps): LeaseHeartbeat {
  let timer: NodeJS.Timeout | undefined;
  let beating = false;

  async function beat(): Promise<void> {
    if (beating || !deps.holding()) return;
    beating = true;
    try {
      await deps.store.renewLeases(deps.workerId, deps.now() + deps.leaseMs);
    } catch (err) {
      deps.logger.warn({ err }, 'could not renew delivery leases; trying again at the next beat');
    } finally {
      beating = false;
    }
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void beat(), deps.intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
