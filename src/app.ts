import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/load-config.js';
import { createPacedCall } from './delivery/paced-call.js';
import { createQueueGauges } from './delivery/queue-gauges.js';
import { createReasonLookup, type ReasonLookup } from './delivery/reason-lookup.js';
import { createSlackClientFactory } from './delivery/slack-client.js';
import { createSlackPace } from './delivery/slack-pace.js';
import { createDeliveryWorker, type DeliveryWorker } from './delivery/worker.js';
import { createHttpServer } from './http/server.js';
import { createWebhookHandler } from './http/webhook-route.js';
import { createLogger, type Logger } from './log/logger.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { createErrorPolicy } from './runtime/error-policy.js';
import { guardStore } from './runtime/guard-store.js';
import { createSignals, type SignalOptions, type Signals } from './signals/create-signals.js';
import { createNameRefresher } from './signals/refresh-names.js';
import { createSlackApp } from './slack/create-slack-app.js';
import { operatorKeyNotice } from './slack/operator-token.js';
import { resolveSotaToken } from './slack/resolve-sota-token.js';
import { createSotaClient } from './sota/client.js';
import { createKeyPacers, realPacerClock } from './sota/key-pacer.js';
import { atStage } from './startup/startup-error.js';
import { openStore, resolveSecretBox } from './store/open-store.js';
import type { Store } from './store/types.js';

export interface StartOptions {
  logger?: Logger;
  now?: () => number;
  /** Listen address; default all interfaces. Tests pass 127.0.0.1. */
  host?: string;
  /** Overrides config.port (tests pass 0 for an ephemeral port). */
  port?: number;
  workerId?: string;
  /** Delivery worker tuning (tests use small values). */
  worker?: {
    pollIntervalMs?: number;
    leaseMs?: number;
    heartbeatMs?: number;
    concurrency?: number;
    channelPaceMs?: number;
    channelBurst?: number;
  };
  hookCacheTtlMs?: number;
  /** false: sota.io calls are not paced per key (tests of other things that inject 429s). */
  sotaPacing?: false;
  /** Waits before each retry of a failure's reason lookup (tests use short ones). */
  reasonRetryDelaysMs?: number[];
  /** The timed signals: tick interval, and whether they run (default true). */
  signals?: SignalOptions;
  /** Start the delivery worker (default true). */
  startWorker?: boolean;
  /**
   * Where unhandled rejections and uncaught exceptions are listened for (default `process`;
   * tests pass their own emitter).
   */
  processEvents?: NodeJS.EventEmitter;
  /** Ends the process after a fatal failure (default: the line on stderr, exit code 1). */
  exit?: (line: string) => void;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly store: Store;
  readonly metrics: Metrics;
  readonly worker: DeliveryWorker;
  readonly logger: Logger;
  /** Timed signals (mute ends, digests) and the notices they post. */
  readonly signals: Signals;
  stop(): Promise<void>;
}

export function newHookId(): string {
  return randomBytes(16).toString('base64url');
}

/** The composition root: config → store → clients → Slack app → HTTP server → delivery worker. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  const secretBox = await atStage('key', () => resolveSecretBox(config, logger));
  const opened = await atStage('store', () => openStore(config, secretBox, logger, { owner: true }));
  await closingOnFailure(opened, () => atStage('secrets', () => opened.verifySecrets()));
  const notice = operatorKeyNotice(config);
  if (notice) logger.warn(notice);
  const metrics = createMetrics();
  const pacerFor = createKeyPacers(realPacerClock);
  const sotaClientFor = (token: string) =>
    createSotaClient({
      baseUrl: config.sotaApiUrl,
      token,
      logger,
      ...(options.sotaPacing === false ? {} : { pacer: pacerFor(token) }),
    });
  const policy = createErrorPolicy({ logger, metrics, ...(options.exit ? { exit: options.exit } : {}) });
  const store = guardStore(opened, policy.check);
  const uninstall = policy.install(options.processEvents);
  const pace = createSlackPace({
    channelPaceMs: options.worker?.channelPaceMs,
    channelBurst: options.worker?.channelBurst,
    now,
  });
  let wakeNotices = () => {};
  const slack = createSlackApp({
    config,
    store,
    logger,
    pacedCall: createPacedCall({ pace, store, metrics, now }),
    sotaClientFor,
    newHookId,
    now,
    onRequestError: policy.requestFailed,
    wakeNotices: () => wakeNotices(),
  });
  const reasons = createReasonLookup({
    store,
    logger,
    sotaTokenFor: (teamId) => resolveSotaToken(store, config, teamId),
    sotaClientFor,
    wake: () => worker.wake(),
    now,
    ...(options.reasonRetryDelaysMs ? { retryDelaysMs: options.reasonRetryDelaysMs } : {}),
  });
  const clientFor = createSlackClientFactory({ slackApiUrl: config.slackApiUrl, logger });
  const signals = createSignals({
    store,
    logger,
    now,
    tokenFor: slack.tokenFor,
    clientFor,
    options: {
      ...options.signals,
      extra: [
        createNameRefresher({
          store,
          logger,
          tokenFor: (teamId) => resolveSotaToken(store, config, teamId),
          sotaClientFor,
        }),
      ],
    },
  });
  wakeNotices = signals.notices.wake;
  const worker = createDeliveryWorker({
    store,
    metrics,
    logger,
    onMissingReason: (job) => reasons.request(job),
    tokenFor: slack.tokenFor,
    clientFor,
    now,
    onNoticeClaimed: () => wakeNotices(),
    ...(options.workerId ? { workerId: options.workerId } : {}),
    ...options.worker,
    pace,
  });
  const webhook = createWebhookHandler({
    store: {
      getHook: (id) => store.getHook(id),
      ingestEvent: async (input) => {
        const result = await store.ingestEvent(input);
        if (result.enqueued > 0) worker.wake();
        return result;
      },
    },
    logger,
    metrics,
    now,
    eventMaxAgeMs: config.eventMaxAgeMs,
    ...(options.hookCacheTtlMs !== undefined ? { hookCacheTtlMs: options.hookCacheTtlMs } : {}),
  });
  const server = createHttpServer({
    webhook,
    store,
    metrics,
    refreshGauges: createQueueGauges(store, metrics, now),
    fallback: slack.receiver.requestListener,
    logger,
    onRequestError: policy.requestFailed,
  });
  await closingOnFailure(store, () =>
    atStage('listen', () => listen(server, options.port ?? config.port, options.host)).catch(
      (err: unknown) => {
        uninstall();
        throw err;
      },
    ),
  );
  if (options.startWorker ?? true) {
    worker.start();
    resumeReasonLookups(reasons, logger);
  }
  if (options.signals?.start ?? true) signals.start();
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  logger.info({ port, store: config.database.kind, mode: config.slack.kind }, 'sota-slack listening');
  const stop = async () => {
    policy.stopping();
    reasons.stop();
    await signals.stop();
    await stopApp(server, worker, store);
    uninstall();
  };
  return { url, port, server, store, metrics, worker, logger, signals, stop };
}

/** Looks up again the reasons of recent failures whose lookup a stop or a crash cut short. */
function resumeReasonLookups(reasons: ReasonLookup, logger: Logger): void {
  reasons.resume().then(
    (count) => {
      if (count > 0) logger.info({ count }, 'looking up the reasons of recent failures again');
    },
    (err: unknown) => logger.warn({ err }, 'could not resume the reason lookups of recent failures'),
  );
}

/** Runs a start-up step after the store opened; a failure closes the store before it is thrown. */
async function closingOnFailure(store: Store, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function stopApp(server: Server, worker: DeliveryWorker, store: Store): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await worker.stop();
  server.closeAllConnections();
  await closed;
  await store.close();
}
