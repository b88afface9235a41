import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { sendError } from './json-response.js';

export interface MetricsRouteDeps {
  metrics: Metrics;
  /** Brings the queue gauges up to date before each scrape. */
  refreshGauges?: () => Promise<void>;
  logger: Logger;
}

/** GET /metrics: the registry in Prometheus text format. A failed gauge refresh still serves the rest. */
export function createMetricsRoute(deps: MetricsRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'method_not_allowed', 'use GET', { allow: 'GET, HEAD' });
      return;
    }
    if (deps.refreshGauges) {
      try {
        await deps.refreshGauges();
      } catch (err) {
        deps.logger.warn({ err }, 'queue gauges could not be refreshed');
      }
    }
    const text = await deps.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  };
}
