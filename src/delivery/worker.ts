import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { SignalStore } from '../store/signal-types.js';
import type {
  ActionStore,
  DeliveryJob,
  HookStore,
  InboxStore,
  MentionStore,
  MessageStore,
  SubscriptionStore,
} from '../store/types.js';
import { createJobRunner } from './job-runner.js';
import { createJobSlots } from './job-slots.js';
import { createLeaseHeartbeat } from './lease-heartbeat.js';
import { createQueueGauges } from './queue-gauges.js';
import { channelKeyOf, createSlackCaller } from './slack-caller.js';
import { createSlackPace, type SlackPace } from './slack-pace.js';
import { createWaker } from './waker.js';

export interface DeliveryWorkerDeps {
  store: InboxStore & MessageStore & HookStore & SubscriptionStore & ActionStore & MentionStore & SignalStore;
  metrics: Metrics;
  logger: Logger;
  /** The bot token of a workspace; undefined when the app is not installed there. */
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  now?: () => number;
  workerId?: string;
  pollIntervalMs?: number;
  /** How long a claimed job stays leased without a heartbeat (default 10 s). */
  leaseMs?: number;
  /** How often the worker renews the leases it holds (default a third of `leaseMs`). */
  heartbeatMs?: number;
  concurrency?: number;
  /** Per channel, one Slack call per this interval once the burst is spent (default 1000 ms). */
  channelPaceMs?: number;
  /** Per channel, calls that may go out back to back (default 3). */
  channelBurst?: number;
  maxJobAgeMs?: number;
  /** The process's channel pace and workspace holds, shared with `/sota test` (its own when absent). */
  pace?: SlackPace;
  /** Told when a failure was shown without a reason (the reason lookup). */
  onMissingReason?: (job: DeliveryJob) => void;
  /** Asks the notice sender to post what a job just claimed (a pause notice). */
  onNoticeClaimed?: () => void;
}

export interface DeliveryWorker {
  start(): void;
  /** Stops claiming and resolves once the jobs in flight have finished. */
  stop(): Promise<void>;
  /** Runs a claim soon (after a webhook committed), without waiting for the poll interval. */
  wake(): void;
  /** Resolves when no job is due and none is in flight; rejects after `timeoutMs` (default 30 s). */
  drain(timeoutMs?: number): Promise<void>;
  /** Claims one batch, runs it to the end, and returns how many jobs it claimed. */
  runOnce(): Promise<number>;
  /** Sets the queue gauges from the store. */
  refreshGauges(): Promise<void>;
}

const STORE_ERROR_PAUSE_MS = 1000;
const GAUGE_REFRESH_MS = 5000;
/** Jobs held per slot at most: the ones waiting for their channel's next token. */
const HELD_PER_SLOT = 16;

/** How long a claimed job is leased to its worker unless the app says otherwise (renewed while it runs). */
export const DEFAULT_LEASE_MS = 10_000;

/** The outbox worker: drains the durable delivery queue into Slack. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const now = deps.now ?? Date.now;
  const workerId = deps.workerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollIntervalMs = deps.pollIntervalMs ?? 500;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const logger = deps.logger.child({ component: 'delivery' });
  const { holds, pacer } =
    deps.pace ?? createSlackPace({ channelPaceMs: deps.channelPaceMs, channelBurst: deps.channelBurst, now });
  const callerFor = createSlackCaller({ metrics: deps.metrics, holds, pacer, now });
  const runJob = createJobRunner({
    ...deps,
    logger,
    holds,
    callerFor,
    now,
    workerId,
    maxJobAgeMs: deps.maxJobAgeMs ?? 24 * 3600_000,
  });
  const waker = createWaker();
  const slots = createJobSlots({
    run: runJob,
    readyAt: (job) => pacer.readyAt(channelKeyOf(job)),
    now,
    concurrency,
    maxHeld: concurrency * HELD_PER_SLOT,
    onSlotFreed: () => waker.wake(),
  });
  const heartbeat = createLeaseHeartbeat({
    store: deps.store,
    logger,
    workerId,
    leaseMs,
    intervalMs: deps.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    now,
    holding: () => slots.size() > 0,
  });
  const refreshGauges = createQueueGauges(deps.store, deps.metrics, now);
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let gaugesAt = Number.NEGATIVE_INFINITY;

  async function claimAndLaunch(): Promise<Promise<void>[]> {
    const free = slots.free();
    if (free <= 0) return [];
    const endTimer = deps.metrics.claimDuration.startTimer();
    const jobs = await deps.store.claimJobs(workerId, now(), leaseMs, free);
    endTimer();
    return jobs.map((job) => slots.launch(job));
  }

  async function refreshGaugesNowAndThen(): Promise<void> {
    if (now() - gaugesAt < GAUGE_REFRESH_MS) return;
    gaugesAt = now();
    await refreshGauges();
  }

  async function loop(): Promise<void> {
    while (running) {
      let claimed = 0;
      try {
        claimed = (await claimAndLaunch()).length;
        await refreshGaugesNowAndThen();
      } catch (err) {
        logger.error({ err }, 'delivery queue unavailable; trying again shortly');
        await waker.wait(STORE_ERROR_PAUSE_MS);
        continue;
      }
      if (claimed === 0 || slots.free() <= 0) await waker.wait(pollIntervalMs);
    }
  }

  async function drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await slots.settled(deadline - Date.now());
      const launched = await claimAndLaunch();
      if (launched.length === 0 && slots.size() === 0) return;
      if (Date.now() >= deadline) throw new Error(`delivery queue not drained within ${timeoutMs} ms`);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      heartbeat.start();
      loopDone = loop().catch((err) => logger.error({ err }, 'delivery loop ended unexpectedly'));
    },
    async stop() {
      running = false;
      waker.wake();
      await loopDone;
      await slots.idle();
      heartbeat.stop();
    },
    wake: () => waker.wake(),
    drain,
    async runOnce() {
      const launched = await claimAndLaunch();
      await Promise.all(launched);
      return launched.length;
    },
    refreshGauges,
  };
}
