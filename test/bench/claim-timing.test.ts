import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { timeStoreClaims } from '../../bench/app/time-claims.js';
import type { AppIngest } from '../../bench/phases/app-ingest.js';
import type { BacklogResults } from '../../bench/phases/backlog.js';
import { renderBacklog } from '../../bench/report/render-backlog.js';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { eventFor, newHook, subscriptionFor } from '../store/contract/fixtures.js';
import { makeSqliteHarness, type SqliteHarness } from '../store/sqlite-harness.js';

let h: SqliteHarness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

/** Three channels, each following its own project with `perChannel` deliveries pending. */
async function queueWithThreeChannels(perChannel: number) {
  h = await makeSqliteHarness(createSecretBox(randomBytes(32)));
  for (const channelId of ['C1', 'C2', 'C3']) {
    const hook = newHook();
    await h.store.insertHook(hook);
    await h.store.upsertSubscription(subscriptionFor(hook, channelId));
    for (let i = 0; i < perChannel; i += 1) await h.store.ingestEvent(eventFor(hook));
  }
  return h.store;
}

describe('claims timed on the store alone (npm run bench, backlog section)', () => {
  it('finds the same queue at every claim: each leases the head of every channel, up to the limit', async () => {
    const store = await queueWithThreeChannels(2);
    const wide = await timeStoreClaims(store, 10, 8);
    expect(wide.times).toHaveLength(10);
    expect(wide.times.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    expect(wide.leased).toBe(30);
    expect((await timeStoreClaims(store, 5, 2)).leased).toBe(10);
  });

  it('leaves no lease running: the app that starts on the store next claims every channel at once', async () => {
    const store = await queueWithThreeChannels(2);
    await timeStoreClaims(store, 50);
    const jobs = await store.claimJobs('app', Date.now(), 60_000, 8);
    expect(jobs.map((j) => j.channelId).sort()).toEqual(['C1', 'C2', 'C3']);
    expect((await store.queueStats(Date.now())).depth).toBe(6);
  });
});

describe('the backlog section of the report', () => {
  const run = (rps: number) =>
    ({
      load: { rps, latencyMs: { p50: 5, p99: 30 }, non2xx: 0 },
      accepted: 100,
      stored: 100,
      claims: { count: 60, meanMs: 1.5, p99AtMostMs: 10 },
      peakRssBytes: 140 * 1048576,
    }) as unknown as AppIngest;
  const claims = (p50: number, p99: number) => ({ count: 1000, p50, p99, max: p99 * 2 });
  const results: BacklogResults = {
    settings: { channels: 250, perChannel: 400, slackLatencyMs: 2000, rounds: 2, claimsTimed: 500 },
    empty: [run(7000)],
    shallow: [run(7000)],
    backlog: [run(6900)],
    pendingAtStart: [100_000],
    storeClaims: { empty: claims(0.05, 0.1), shallow: claims(0.4, 0.5), backlog: claims(0.5, 0.6) },
  };

  it('reads the claim on the store alone for its ratio, beside the app’s claims under the load', () => {
    const text = renderBacklog(results, 64).join('\n');
    expect(text).toContain(
      '| claim on the store alone: p50 / p99 / max (1,000 claims each) | 0.05 ms / 0.10 ms / 0.20 ms | 0.40 ms / 0.50 ms / 1.00 ms | 0.50 ms / 0.60 ms / 1.20 ms |',
    );
    expect(text).toContain('| claim p99 on the store alone ÷ one pending per channel | | | 1.20× |');
    expect(text).toContain('| claim under the load: mean / p99 at most | 1.50 ms / 10.00 ms |');
    expect(text).toContain('500 claims of up to 8 jobs');
  });
});
