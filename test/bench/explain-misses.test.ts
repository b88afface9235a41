import { describe, expect, it } from 'vitest';
import { latencyNote } from '../../bench/report/explain-misses.js';

describe('the report’s note on a missed ingest p99', () => {
  it('derives the mean wait from the connections and the rate, and the rate a p99 target needs', () => {
    // 64 connections at 6,400/s wait 10 ms on average; a p99 of 40 ms is 4× that, so 20 ms needs twice the rate.
    const note = latencyNote(64, { rps: 6400, p99: 40 }, { rps: 21_333, p99: 9 }, 20);
    expect(note).toContain('10.0 ms at 6,400 req/s');
    expect(note).toContain('the durable peer: 3.0 ms at 21,333 req/s');
    expect(note).toContain("The app's p99 is 4.0× its mean (the peer's 3.0×)");
    expect(note).toContain('a p99 of 20 ms needs about 12,800 req/s');
  });
});
