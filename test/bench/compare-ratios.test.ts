import { describe, expect, it } from 'vitest';
import type { ComparedFigures, CompareResults } from '../../bench/phases/compare.js';
import { comparedRatios } from '../../bench/report/render-compare.js';

/** A build's figures with only what the comparison reads: ingest rates and the bulk delivery runs. */
function build(label: string, rps: number[], ...runs: Array<[number, number]>): ComparedFigures {
  const ingest = rps.map((r) => ({
    load: { rps: r, latencyMs: { p99: 1 }, non2xx: 0 },
    accepted: 1,
    stored: 1,
  }));
  const delivery = runs.map(([totalSeconds, minimumSeconds]) => ({
    bulk: { totalSeconds, minimumSeconds, busiestChannelCalls: Math.round(minimumSeconds) },
  }));
  return { label, since: label, ingest, delivery } as unknown as ComparedFigures;
}

const compare = (...builds: ComparedFigures[]) => ({ builds }) as unknown as CompareResults;

describe('the code measured against an earlier build', () => {
  it('compares ingest by the median round', () => {
    const earlier = build('old', [900, 1000, 5000], [10, 10]);
    const now = build('new', [1100, 1200, 100], [10, 10]);
    expect(comparedRatios(compare(earlier, now), earlier).ingest).toBeCloseTo(1.1);
  });

  it('compares delivery over each build’s own minimum: more calls to wait for is not slower pacing', () => {
    const earlier = build('old', [1], [9.5, 9]);
    const sameSpeedMoreCalls = build('new', [1], [12.6, 12]);
    expect(comparedRatios(compare(earlier, sameSpeedMoreCalls), earlier).delivery).toBeCloseTo(1.0056, 3);
    const slowerPacing = build('new', [1], [13.5, 9]);
    expect(comparedRatios(compare(earlier, slowerPacing), earlier).delivery).toBeCloseTo(0.7037, 3);
  });

  it('compares delivery by the median of its rounds, so one unlucky run does not decide', () => {
    const earlier = build('old', [1], [10.2, 10], [10.4, 10], [10.1, 10]);
    const oneSlowRun = build('new', [1], [10.3, 10], [11.5, 10], [10.2, 10]);
    expect(comparedRatios(compare(earlier, oneSlowRun), earlier).delivery).toBeCloseTo(1.02 / 1.03, 3);
  });
});
