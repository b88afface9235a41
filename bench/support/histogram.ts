import { httpGet } from './http-get.js';

/** A Prometheus histogram read from /metrics: cumulative counts per upper bound (seconds). */
export interface Histogram {
  buckets: Array<{ le: number; count: number }>;
  count: number;
  sum: number;
}

/** Claim timing from a histogram: how many, the mean, and the bucket bound the 99th percentile lies under. */
export interface ClaimStats {
  count: number;
  meanMs: number;
  /** The smallest bucket bound with at least 99% of the claims at or under it (ms). */
  p99AtMostMs: number;
}

/** Parses one histogram out of Prometheus text. */
export function parseHistogram(text: string, name: string): Histogram {
  const buckets: Histogram['buckets'] = [];
  let count = 0;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    const le = /_bucket\{[^}]*le="([^"]+)"/.exec(line)?.[1];
    if (le !== undefined)
      buckets.push({ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count: value });
    else if (line.startsWith(`${name}_count`)) count = value;
    else if (line.startsWith(`${name}_sum`)) sum = value;
  }
  return { buckets, count, sum };
}

/** Adds histograms of several instances (same buckets). */
export function addHistograms(all: Histogram[]): Histogram {
  const first = all[0] ?? { buckets: [], count: 0, sum: 0 };
  return {
    buckets: first.buckets.map((b, i) => ({
      le: b.le,
      count: all.reduce((n, h) => n + (h.buckets[i]?.count ?? 0), 0),
    })),
    count: all.reduce((n, h) => n + h.count, 0),
    sum: all.reduce((n, h) => n + h.sum, 0),
  };
}

export function claimStats(h: Histogram): ClaimStats {
  const need = 0.99 * h.count;
  const p99 = h.buckets.find((b) => b.count >= need)?.le ?? Number.NaN;
  return {
    count: h.count,
    meanMs: h.count > 0 ? (h.sum / h.count) * 1000 : Number.NaN,
    p99AtMostMs: p99 * 1000,
  };
}

/** The app's claim histogram, read from its /metrics. */
export async function readClaimHistogram(port: number): Promise<Histogram> {
  const { body } = await httpGet(`http://127.0.0.1:${port}/metrics`, 10_000);
  return parseHistogram(body, 'delivery_claim_seconds');
}
