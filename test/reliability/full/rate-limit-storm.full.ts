/**
 * 429 storms: half, then all, of one workspace's chat.* calls answered 429 with Retry-After 1, 5
 * and 30 s while webhooks for it and for another workspace keep arriving.
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS, recordFigures, SECTIONS } from '../support/figures.js';
import { runStorm } from '../support/storm-run.js';

describe('429 storms on one workspace', () => {
  it.each([1, 5, 30])(
    'Retry-After %i s: no early call, the other workspace unaffected, nothing lost',
    async (retryAfterSeconds) => {
      const r = await runStorm({
        retryAfterSeconds,
        halfMs: 8000,
        allMs: Math.max(8000, retryAfterSeconds * 1000 + 2000),
        webhooksPerSecond: 4,
        drainTimeoutMs: 150_000,
      });
      recordFigures(SECTIONS.rateLimit, `Retry-After ${retryAfterSeconds} s (half, then all calls)`, {
        webhooks: r.sender.deliveries,
        acked: r.sender.acked,
        '429 answers to A': r.rateLimitedAnswers,
        'calls to A': r.callsToA,
        'early calls': r.earlyCalls,
        'B p99 before ms': Math.round(r.bBaselineP99Ms),
        'B p99 during ms': Math.round(r.bStormP99Ms),
        '429 answers to B': r.bRateLimited,
        'channel messages': r.audit.pairs,
        delivered: r.audit.delivered,
        [COLUMNS.lost]: r.audit.lostEvents,
        [COLUMNS.duplicatePosts]: r.audit.duplicatePosts,
        'all delivered after the storm ms': r.drainMs,
        [COLUMNS.secretsFound]: r.logSecretsFound,
      });
      expect(r.sender.acked).toBe(r.sender.deliveries);
      expect(r.rateLimitedAnswers).toBeGreaterThan(0);
      expect(r.earlyCalls).toBe(0);
      expect(r.bRateLimited).toBe(0);
      expect(r.audit.missing).toBe(0);
      expect(r.audit.duplicatePosts).toBe(0);
      expect(r.logSecretsFound).toBe(0);
    },
    400_000,
  );
});
