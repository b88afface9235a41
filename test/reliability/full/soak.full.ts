/**
 * Soak: a few minutes of webhooks at a steady rate with 1 % of Slack calls failing. Memory (heap
 * after a full GC) and open handles of the app process stay flat; nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS, percentile, recordFigures, SECTIONS } from '../support/figures.js';
import { secretsIn } from '../support/leak-checks.js';
import { runSoak, type Sample } from '../support/soak-run.js';

const MB = 1024 * 1024;

function quarterMedians(samples: Sample[], pick: (s: Sample) => number): { first: number; last: number } {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const median = (xs: number[]) => percentile(xs, 50);
  return {
    first: median(samples.slice(1, quarter + 1).map(pick)),
    last: median(samples.slice(-quarter).map(pick)),
  };
}

describe('soak', () => {
  it('holds memory and handles flat and loses nothing', async () => {
    const r = await runSoak({
      durationMs: 150_000,
      webhooksPerSecond: 8,
      channels: 16,
      errorRate: 0.01,
      sampleMs: 5000,
      drainTimeoutMs: 120_000,
    });
    const heap = quarterMedians(r.samples, (s) => s.heapUsed);
    const handles = quarterMedians(r.samples, (s) => s.handles);
    const resources = quarterMedians(r.samples, (s) => s.resources);
    const leaked = secretsIn(r.logLines.join('\n'), r.secrets);
    recordFigures(
      SECTIONS.soak,
      `${Math.round((r.sender.finishedAt - r.sender.startedAt) / 1000)} s at 8 webhooks/s, 16 channels`,
      {
        webhooks: r.sender.deliveries,
        acked: r.sender.acked,
        'Slack calls': r.slackCalls,
        'Slack errors injected': r.injectedErrors,
        'ack p50 ms': Math.round(percentile(r.sender.ackLatenciesMs, 50)),
        'ack p99 ms': Math.round(percentile(r.sender.ackLatenciesMs, 99)),
        'heap MB first → last quarter': `${(heap.first / MB).toFixed(1)} → ${(heap.last / MB).toFixed(1)}`,
        'handles first → last': `${handles.first} → ${handles.last}`,
        'resources first → last': `${resources.first} → ${resources.last}`,
        samples: r.samples.length,
        'channel messages': r.audit.pairs,
        delivered: r.audit.delivered,
        [COLUMNS.lost]: r.audit.lostEvents,
        [COLUMNS.duplicatePosts]: r.audit.duplicatePosts,
        'drained after the last webhook ms': r.drainMs,
        [COLUMNS.secretsFound]: leaked.length,
      },
    );
    expect(r.sender.acked).toBe(r.sender.deliveries);
    expect(r.injectedErrors).toBeGreaterThan(0);
    expect(r.audit.missing).toBe(0);
    expect(r.audit.duplicatePosts).toBe(0);
    expect(r.samples.length).toBeGreaterThanOrEqual(8);
    expect(heap.last - heap.first).toBeLessThan(8 * MB);
    expect(handles.last - handles.first).toBeLessThanOrEqual(8);
    expect(leaked).toEqual([]);
  }, 600_000);
});
