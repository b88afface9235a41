/** Summary statistics over a list of numbers (milliseconds unless said otherwise). */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/** A growable list of numbers that does not allocate per value. */
export function createSampleList(initial = 65_536): { push(v: number): void; values(): Float64Array } {
  let data = new Float64Array(initial);
  let size = 0;
  return {
    push(v) {
      if (size === data.length) {
        const bigger = new Float64Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[size] = v;
      size += 1;
    },
    values: () => data.subarray(0, size),
  };
}
