import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Store } from '../store/types.js';
import { createHealthRoutes } from './health-routes.js';
import { sendError } from './json-response.js';
import { createMetricsRoute } from './metrics-route.js';
import { assignRequestId } from './request-id.js';
import type { WebhookHandler } from './webhook-route.js';

export interface HttpServerDeps {
  webhook: WebhookHandler;
  store: Pick<Store, 'ping'>;
  metrics: Metrics;
  refreshGauges?: () => Promise<void>;
  /** Serves every request that is not ours (Bolt's HTTPReceiver `requestListener`). */
  fallback: (req: IncomingMessage, res: ServerResponse) => void;
  logger: Logger;
  /** A request whose route threw: logged with its request id and answered (the error policy). */
  onRequestError?: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
  /** Overrides of SERVER_TIMEOUTS (tests shorten them). */
  timeouts?: Partial<Record<keyof typeof SERVER_TIMEOUTS, number>>;
}

/** Timeouts that keep a slow client from holding a socket. */
export const SERVER_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 15_000,
  keepAliveTimeout: 5_000,
} as const;

const WEBHOOK_ROUTE = /^\/webhooks\/sota\/([A-Za-z0-9_-]{1,64})$/;

type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function isWebhookPath(path: string): boolean {
  return path === '/webhooks/sota' || path.startsWith('/webhooks/sota/');
}

/**
 * One node:http server for the whole app: the sota.io webhook, health and metrics are served here,
 * every other request goes to `fallback`. Nothing thrown by a route ends the process.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const health = createHealthRoutes({ store: deps.store });
  const exact = new Map<string, Route>([
    ['/healthz', health.healthz],
    ['/readyz', health.readyz],
    ['/metrics', createMetricsRoute(deps)],
  ]);

  function route(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
    const path = pathOf(req);
    const own = exact.get(path);
    if (own) return own(req, res);
    if (!isWebhookPath(path)) return deps.fallback(req, res);
    const hookId = WEBHOOK_ROUTE.exec(path)?.[1];
    if (hookId !== undefined) return deps.webhook(req, res, hookId);
    deps.metrics.webhooks.inc({ outcome: 'unknown_hook' });
    sendError(res, 404, 'not_found', 'no such webhook');
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-request-id', assignRequestId(req));
    try {
      await route(req, res);
    } catch (err) {
      if (deps.onRequestError) return deps.onRequestError(err, req, res);
      deps.logger.error({ err, method: req.method, path: pathOf(req) }, 'request handler failed');
      sendError(res, 500, 'internal_error', 'internal error');
    }
  }

  const timeouts = { ...SERVER_TIMEOUTS, ...deps.timeouts };
  const server = createServer({ ...timeouts, connectionsCheckingInterval: 1_000 }, (req, res) => {
    void serve(req, res);
  });
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  return server;
}
