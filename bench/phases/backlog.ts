import type { AppBuild } from '../app/app-build.js';
import { seedBacklogChannels, seedBacklogJobs } from '../app/seed-backlog.js';
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
}

/**
 * Ingest with a backlog: the same load as the ingest rounds on a store whose channels have no pending
 * delivery, one pending each, and `channels × perChannel` pending (Slack slowed so they stay pending),
 * in turn, `rounds` times. All runs subscribe the same channels; only the queue differs.
 */
export async function benchBacklog(
  build: AppBuild,
  ingest: IngestSettings,
  s: BacklogSettings,
  expectedRps: number,
  log: (line: string) => void,
): Promise<BacklogResults> {
  const results: BacklogResults = { settings: s, empty: [], shallow: [], backlog: [], pendingAtStart: [] };
  const base = { build, settings: ingest, expectedRps, slackLatencyMs: s.slackLatencyMs };
  for (let i = 1; i <= s.rounds; i += 1) {
    const empty = await ingestApp({
      ...base,
      prepare: async (env) => void (await seedBacklogChannels(build, env, s.channels)),
    });
    results.empty.push(empty);
    log(`  round ${i}: empty queue ${Math.round(empty.load.rps)} req/s`);
    const shallow = await ingestApp({
      ...base,
      prepare: async (env) => {
        const channels = await seedBacklogChannels(build, env, s.channels);
        await seedBacklogJobs(build, env, channels, 1);
      },
    });
    results.shallow.push(shallow);
    log(`  round ${i}: one pending per channel ${Math.round(shallow.load.rps)} req/s`);
    const backlog = await ingestApp({
      ...base,
      prepare: async (env) => {
        const channels = await seedBacklogChannels(build, env, s.channels);
        results.pendingAtStart.push(await seedBacklogJobs(build, env, channels, s.perChannel));
      },
    });
    results.backlog.push(backlog);
    log(`  round ${i}: ${results.pendingAtStart.at(-1)} pending ${Math.round(backlog.load.rps)} req/s`);
  }
  return results;
}
