import { describe, expect, it } from 'vitest';
import { addHistograms, claimStats, parseHistogram } from '../../bench/support/histogram.js';

const TEXT = [
  '# HELP delivery_claim_seconds Time one claim of due delivery jobs took',
  '# TYPE delivery_claim_seconds histogram',
  'delivery_claim_seconds_bucket{le="0.001"} 90',
  'delivery_claim_seconds_bucket{le="0.01"} 99',
  'delivery_claim_seconds_bucket{le="0.1"} 100',
  'delivery_claim_seconds_bucket{le="+Inf"} 100',
  'delivery_claim_seconds_sum 0.2',
  'delivery_claim_seconds_count 100',
  'delivery_queue_depth 7',
].join('\n');

describe('claim timing read from /metrics', () => {
  it('takes the count, the mean and the bucket bound under which 99% of the claims lie', () => {
    const h = parseHistogram(TEXT, 'delivery_claim_seconds');
    expect(h.count).toBe(100);
    expect(claimStats(h)).toEqual({ count: 100, meanMs: 2, p99AtMostMs: 10 });
  });

  it('adds the histograms of several instances bucket by bucket', () => {
    const h = parseHistogram(TEXT, 'delivery_claim_seconds');
    const slow = parseHistogram(TEXT.replace('} 99', '} 90'), 'delivery_claim_seconds');
    const both = claimStats(addHistograms([h, slow]));
    expect(both.count).toBe(200);
    expect(both.p99AtMostMs).toBe(100);
  });
});
