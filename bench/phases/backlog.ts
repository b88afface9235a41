import type { AppBuild } from '../app/app-build.js';
import { seedBacklogChannels, seedBacklogJobs } from '../app/seed-backlog.js';
import { timeClaims } from '../app/time-claims.js';
import { type Summary, summarize } from '../support/stats.js';
import { type AppIngest, ingestApp } from './app-ingest.js';
import type { IngestSettings } from './ingest.js';

export interface BacklogSettings {
  /** Channels with pending deliveries, and pending deliveries per channel. */
  channels: number;
  perChannel: number;
  /** Each Slack call takes this long, so the backlog does not drain during the run. */
  slackLatencyMs: number;
  /** Rounds of (empty queue, backlog), in turn. */
  rounds: number;
  /** Claims timed on each store alone before its app starts, per round. */
  claimsTimed: number;
}

/** Claim times (ms) on the store alone, over every round: no app and no load beside them. */
export interface StoreClaims {
  empty: Summary;
  shallow: Summary;
  backlog: Summary;
}

export interface BacklogResults {
  settings: BacklogSettings;
  /** The same channels subscribed, no delivery pending at the start. */
  empty: AppIngest[];
  /** The same channels, one delivery pending in each: the claim visits as many channels as with the backlog. */
  shallow: AppIngest[];
  /** `channels × perChannel` deliveries pending at the start. */
  backlog: AppIngest[];
  /** Pending deliveries the store reported after seeding, per backlog round. */
  pendingAtStart: number[];
  storeClaims: StoreClaims;
}

/**
 * Ingest with a backlog: the same load as the ingest rounds on a store whose channels have no pending
 * delivery, one pending each, and `channels × perChannel` pending (Slack slowed so they stay pending),
 * in turn, `rounds` times. All runs subscribe the same channels; only the queue differs. Before each
 * app starts, `claimsTimed` claims are timed on its store alone (see timeClaims).
 */
export async function benchBacklog(
  build: AppBuild,
  ingest: IngestSettings,
  s: BacklogSettings,
  expectedRps: number,
  log: (line: string) => void,
): Promise<BacklogResults> {
  const runs = { empty: [] as AppIngest[], shallow: [] as AppIngest[], backlog: [] as AppIngest[] };
  const pendingAtStart: number[] = [];
  const claimTimes = { empty: [] as number[], shallow: [] as number[], backlog: [] as number[] };
  const base = { build, settings: ingest, expectedRps, slackLatencyMs: s.slackLatencyMs };
  const timed = async (kind: keyof typeof claimTimes, env: Record<string, string>) => {
    const { times, leased } = await timeClaims(build, env, s.claimsTimed);
    // A claim that leased nothing timed an empty walk, not the claim the app makes.
    if (kind !== 'empty' && leased === 0) throw new Error(`the ${kind} store's claims leased no job`);
    claimTimes[kind].push(...times);
  };
  for (let i = 1; i <= s.rounds; i += 1) {
    const empty = await ingestApp({
      ...base,
      prepare: async (env) => {
        await seedBacklogChannels(build, env, s.channels);
        await timed('empty', env);
      },
    });
    runs.empty.push(empty);
    log(`  round ${i}: empty queue ${Math.round(empty.load.rps)} req/s`);
    const shallow = await ingestApp({
      ...base,
      prepare: async (env) => {
        const channels = await seedBacklogChannels(build, env, s.channels);
        await seedBacklogJobs(build, env, channels, 1);
        await timed('shallow', env);
      },
    });
    runs.shallow.push(shallow);
    log(`  round ${i}: one pending per channel ${Math.round(shallow.load.rps)} req/s`);
    const backlog = await ingestApp({
      ...base,
      prepare: async (env) => {
        const channels = await seedBacklogChannels(build, env, s.channels);
        pendingAtStart.push(await seedBacklogJobs(build, env, channels, s.perChannel));
        await timed('backlog', env);
      },
    });
    runs.backlog.push(backlog);
    log(`  round ${i}: ${pendingAtStart.at(-1)} pending ${Math.round(backlog.load.rps)} req/s`);
  }
  const storeClaims = {
    empty: summarize(claimTimes.empty),
    shallow: summarize(claimTimes.shallow),
    backlog: summarize(claimTimes.backlog),
  };
  log(
    `  claims on the store alone, p99: ${storeClaims.shallow.p99.toFixed(2)} ms one pending per channel, ` +
      `${storeClaims.backlog.p99.toFixed(2)} ms with the backlog`,
  );
  return { settings: s, ...runs, pendingAtStart, storeClaims };
}
