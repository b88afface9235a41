import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from './prom-client.js';

/** Outcomes of POST /webhooks/sota/:hookId, one label value each. */
export type WebhookOutcome =
  | 'accepted'
  | 'duplicate'
  | 'stale'
  | 'unknown_event'
  | 'bad_signature'
  | 'unknown_hook'
  | 'retired_hook'
  | 'bad_request'
  | 'too_large'
  | 'unsupported_media'
  | 'store_error';

/** Outcomes of one delivery attempt (one job run). */
export type DeliveryOutcome =
  | 'posted'
  | 'updated'
  | 'unchanged'
  | 'retry'
  | 'rate_limited'
  | 'paused'
  | 'dropped';

export interface Metrics {
  readonly registry: Registry;
  readonly webhooks: Counter<'outcome'>;
  readonly deliveries: Counter<'outcome'>;
  /** Seconds from the webhook being received to the Slack call that showed it. */
  readonly deliveryLatency: Histogram<never>;
  /** Seconds one claim of due delivery jobs took (the store's query and lease writes). */
  readonly claimDuration: Histogram<never>;
  readonly queueDepth: Gauge<never>;
  readonly queueOldestAge: Gauge<never>;
  readonly slackCalls: Counter<'method' | 'result'>;
  /** Errors that reached the process error policy: `request`, `unhandled_rejection`, `uncaught_exception`. */
  readonly processErrors: Counter<'kind'>;
}

/** One registry per app instance (no global state, so tests can run several apps in one process). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhooks: new Counter({
      name: 'sota_webhooks_total',
      help: 'sota.io webhook requests by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'slack_deliveries_total',
      help: 'Delivery job runs by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    deliveryLatency: new Histogram({
      name: 'slack_delivery_latency_seconds',
      help: 'Time from webhook received to the Slack call that showed it',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    claimDuration: new Histogram({
      name: 'delivery_claim_seconds',
      help: 'Time one claim of due delivery jobs took',
      buckets: [
        0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025,
        0.05, 0.1, 0.25, 0.5, 1,
      ],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'delivery_queue_depth',
      help: 'Delivery jobs waiting',
      registers: [registry],
    }),
    queueOldestAge: new Gauge({
      name: 'delivery_queue_oldest_age_seconds',
      help: 'Age of the oldest waiting delivery job',
      registers: [registry],
    }),
    slackCalls: new Counter({
      name: 'slack_api_calls_total',
      help: 'Slack Web API calls by method and result',
      labelNames: ['method', 'result'],
      registers: [registry],
    }),
    processErrors: new Counter({
      name: 'sota_process_errors_total',
      help: 'Errors caught by the process error policy, by kind (request, unhandled_rejection, uncaught_exception)',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}
