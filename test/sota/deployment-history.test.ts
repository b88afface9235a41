import { describe, expect, it } from 'vitest';
import { foldHistory, type HistoryEvent } from '../../src/sota/history/deployment-history.js';
import { outcomeChangeOf } from '../../src/sota/history/outcome-change.js';
import { summarizeWindow } from '../../src/sota/history/summarize-window.js';
import { isSlowerThanUsual, median, usualDurationMs } from '../../src/sota/history/usual-duration.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const at = (min: number) => new Date(T0 + min * MIN).toISOString();

/** A deployment `id` that started at minute `start` and ended `outcome` after `took` minutes. */
function deployment(
  id: string,
  start: number,
  took: number,
  outcome: 'succeeded' | 'failed',
): HistoryEvent[] {
  return [
    { deploymentId: id, event: 'deploy.started', occurredAt: at(start) },
    { deploymentId: id, event: `deploy.${outcome}`, occurredAt: at(start + took) },
  ];
}

describe('deployment history', () => {
  it('folds events in any order, the later final event winning and a failure on a tie', () => {
    const history = foldHistory([
      { deploymentId: 'b', event: 'deploy.succeeded', occurredAt: at(12) },
      ...deployment('a', 0, 2, 'succeeded'),
      { deploymentId: 'b', event: 'deploy.started', occurredAt: at(10) },
      { deploymentId: 'b', event: 'deploy.failed', occurredAt: at(12) },
      { deploymentId: 'c', event: 'deploy.started', occurredAt: at(20) },
      { deploymentId: 'c', event: 'deploy.renamed', occurredAt: at(21) },
    ]);
    expect(history.map((r) => [r.deploymentId, r.outcome])).toEqual([
      ['a', 'succeeded'],
      ['b', 'failed'],
      ['c', undefined],
    ]);
  });

  it('marks the breaks and recoveries of success, success, failure, failure, success', () => {
    const history = foldHistory([
      ...deployment('d1', 0, 2, 'succeeded'),
      ...deployment('d2', 10, 2, 'succeeded'),
      ...deployment('d3', 20, 2, 'failed'),
      ...deployment('d4', 30, 2, 'failed'),
      ...deployment('d5', 60, 9, 'succeeded'),
    ]);
    const changes = ['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => outcomeChangeOf(history, id));
    expect(changes).toEqual([
      undefined,
      undefined,
      { kind: 'broke', firstSeen: false },
      undefined,
      { kind: 'recovered', brokenForMs: 47 * MIN, failedCount: 2 },
    ]);
  });

  it('calls a failure the first outcome ever seen a break, and a first success no change', () => {
    expect(outcomeChangeOf(foldHistory(deployment('x', 0, 1, 'failed')), 'x')).toEqual({
      kind: 'broke',
      firstSeen: true,
    });
    expect(outcomeChangeOf(foldHistory(deployment('y', 0, 1, 'succeeded')), 'y')).toBeUndefined();
    expect(outcomeChangeOf(foldHistory(deployment('y', 0, 1, 'succeeded')), 'unknown')).toBeUndefined();
  });
});

describe('the usual duration', () => {
  it('is the median of the last 20 successes, and needs at least 3', () => {
    const events: HistoryEvent[] = [];
    for (let i = 0; i < 25; i++) events.push(...deployment(`s${i}`, i * 30, i < 5 ? 20 : 2, 'succeeded'));
    events.push(...deployment('f', 900, 1, 'failed'));
    expect(usualDurationMs(foldHistory(events))).toBe(2 * MIN);
    const two = foldHistory([...deployment('a', 0, 2, 'succeeded'), ...deployment('b', 10, 4, 'succeeded')]);
    expect(usualDurationMs(two)).toBeUndefined();
    const three = foldHistory([
      ...deployment('c', 20, 3, 'succeeded'),
      ...deployment('a', 0, 2, 'succeeded'),
      ...deployment('b', 10, 4, 'succeeded'),
    ]);
    expect(usualDurationMs(three)).toBe(3 * MIN);
    expect(usualDurationMs(three, { exclude: 'c' })).toBeUndefined();
    expect(usualDurationMs(three, { beforeMs: T0 + 15 * MIN })).toBeUndefined();
  });

  it('takes the mean of the middle two for an even count, and marks more than twice as slower', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(isSlowerThanUsual(4 * MIN + 1, 2 * MIN)).toBe(true);
    expect(isSlowerThanUsual(4 * MIN, 2 * MIN)).toBe(false);
    expect(isSlowerThanUsual(4 * MIN, undefined)).toBe(false);
  });
});

describe('a window summary', () => {
  it('counts deployments and failures, the success rate, the median and the longest broken span', () => {
    const history = foldHistory([
      ...deployment('before', -120, 2, 'failed'),
      ...deployment('d1', 0, 4, 'succeeded'),
      ...deployment('d2', 30, 2, 'failed'),
      ...deployment('d3', 40, 2, 'failed'),
      ...deployment('d4', 50, 6, 'succeeded'),
      ...deployment('d5', 100, 2, 'failed'),
    ]);
    const summary = summarizeWindow(history, T0, T0 + 120 * MIN);
    expect(summary).toMatchObject({ deployments: 5, succeeded: 2, failed: 3, successRate: 0.4 });
    expect(summary.medianDurationMs).toBe(2 * MIN);
    // broken from before the window until d1 (4 min inside), d2→d4 (24 min), d5→end (18 min)
    expect(summary.longestBrokenMs).toBe(24 * MIN);
    expect(summary.latest?.deploymentId).toBe('d5');
  });

  it('is empty for a window without deployments', () => {
    const history = foldHistory(deployment('d1', 0, 4, 'succeeded'));
    expect(summarizeWindow(history, T0 + 60 * MIN, T0 + 120 * MIN)).toMatchObject({
      deployments: 0,
      failed: 0,
    });
  });
});
