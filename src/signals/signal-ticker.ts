import { createWaker } from '../delivery/waker.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/types.js';
import { claimDailyDigest } from './daily-digest.js';
import { endMute } from './end-mute.js';

export interface SignalTickerDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Called when something was claimed that the notice sender should post soon. */
  onClaimed: () => void;
  /** Extra periodic work (refreshing project names), run on every tick. */
  extra?: ReadonlyArray<(now: number) => Promise<void>>;
  intervalMs?: number;
}

export interface SignalTicker {
  start(): void;
  stop(): Promise<void>;
  /** One pass: mutes whose time is up end with their summary; due digests are claimed. */
  tick(): Promise<void>;
}

const BATCH = 50;

/** The clock of the app's timed signals. Every instance runs one; the store's claims keep each effect single. */
export function createSignalTicker(deps: SignalTickerDeps): SignalTicker {
  const logger = deps.logger.child({ component: 'signals' });
  const waker = createWaker();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    const now = deps.now();
    let claimed = 0;
    for (const mute of await deps.store.listEndedMutes(now, BATCH)) {
      if (await endMute(deps, mute, 'time')) claimed += 1;
    }
    for (const setting of await deps.store.listDigests()) {
      if (await claimDailyDigest(deps.store, setting, now)) claimed += 1;
    }
    if (claimed > 0) deps.onClaimed();
    for (const work of deps.extra ?? []) await work(now);
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        await tick();
      } catch (err) {
        logger.error({ err }, 'timed signals failed; trying again at the next tick');
      }
      await waker.wait(deps.intervalMs ?? 15_000);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      running = false;
      waker.wake();
      await loopDone;
    },
    tick,
  };
}
