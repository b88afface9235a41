import type { Metrics } from '../metrics/metrics.js';
import type { Store } from '../store/types.js';

/**
 * Returns `refreshGauges()`: sets the queue depth and oldest-job age gauges from the store
 * (the /metrics route calls it before each scrape; the worker now and then).
 */
export function createQueueGauges(
  store: Pick<Store, 'queueStats'>,
  metrics: Metrics,
  now: () => number = Date.now,
): () => Promise<void> {
  return async function refreshGauges() {
    const stats = await store.queueStats(now());
    metrics.queueDepth.set(stats.depth);
    metrics.queueOldestAge.set(stats.oldestAgeMs / 1000);
  };
}
