import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBackoff } from '../../src/delivery/backoff.js';

describe('computeBackoff', () => {
  it('starts at 1 s, doubles, and stays within 50–100 % of the step', () => {
    expect(computeBackoff(1, () => 0)).toBe(500);
    expect(computeBackoff(1, () => 1)).toBe(1000);
    expect(computeBackoff(2, () => 0)).toBe(1000);
    expect(computeBackoff(2, () => 1)).toBe(2000);
    expect(computeBackoff(4, () => 0.5)).toBe(6000);
  });

  it('is capped at 5 minutes however many attempts', () => {
    expect(computeBackoff(9, () => 1)).toBe(256_000);
    expect(computeBackoff(10, () => 1)).toBe(300_000);
    expect(computeBackoff(10_000, () => 1)).toBe(300_000);
    expect(computeBackoff(10_000, () => 0)).toBe(150_000);
  });

  it('treats attempt 0, negatives and NaN as the first retry', () => {
    for (const attempt of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(computeBackoff(attempt, () => 1)).toBe(1000);
    }
  });

  it('always lies between half and all of the capped exponential step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const step = Math.min(300_000, 1000 * 2 ** (attempt - 1));
          const delay = computeBackoff(attempt, () => r);
          return delay >= step / 2 && delay <= step;
        },
      ),
    );
  });
});
