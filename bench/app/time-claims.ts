import type { InboxStore } from '../../src/store/types.js';
import { type AppBuild, buildModules } from './app-build.js';

/** The most jobs one claim of the app's worker asks for (its default concurrency). */
export const WORKER_CLAIM_LIMIT = 8;

/** Claims made and not timed first, so the timed ones find the statements prepared and the pages cached. */
const WARM_UP_CLAIMS = 20;

export interface TimedClaims {
  /** Each timed claim, from the call until the leased jobs are back (ms). */
  times: number[];
  /** Jobs the timed claims leased, all together. */
  leased: number;
}

/**
 * Times `count` claims of up to `limit` due jobs on a store, alone: one claim at a time, nothing else
 * running. Each claim takes 1 ms leases and runs 2 ms (of the store's clock) after the one before, so
 * every lease has expired and each claim finds the same queue again: the figures show how the claim
 * grows with the queue, nothing else. The clock is set back far enough that every lease has ended
 * by the time this returns.
 */
export async function timeStoreClaims(
  store: Pick<InboxStore, 'claimJobs'>,
  count: number,
  limit = WORKER_CLAIM_LIMIT,
): Promise<TimedClaims> {
  let now = Date.now() - 2 * (WARM_UP_CLAIMS + count) - 1000;
  const times: number[] = [];
  let leased = 0;
  for (let i = 0; i < WARM_UP_CLAIMS + count; i += 1) {
    now += 2;
    const started = performance.now();
    const jobs = await store.claimJobs('bench-claim-timing', now, 1, limit);
    const ms = performance.now() - started;
    if (i < WARM_UP_CLAIMS) continue;
    times.push(ms);
    leased += jobs.length;
  }
  return { times, leased };
}

/** timeStoreClaims on a build's own store, opened with the app's environment (no app running). */
export async function timeClaims(
  build: AppBuild,
  env: Record<string, string>,
  count: number,
): Promise<TimedClaims> {
  const m = await buildModules(build);
  const config = m.loadConfig(env);
  const logger = m.createLogger('warn');
  const store = await m.openStore(config, m.resolveSecretBox(config, logger), logger);
  try {
    return await timeStoreClaims(store, count);
  } finally {
    await store.close();
  }
}
