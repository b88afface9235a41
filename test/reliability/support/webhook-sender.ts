/**
 * Sends signed sota.io deliveries at a steady pace to whatever instance is up, as sota.io would:
 * anything without a 2xx (refused connection, reset, timeout, 5xx) is sent again later, until
 * every delivery was acknowledged.
 */
import { performance } from 'node:perf_hooks';
import { signSotaPayload } from '../../../src/sota/signature.js';

export interface Delivery {
  hookId: string;
  secret: string;
  body: string;
}

export interface SenderOptions {
  /** The base URL of the instance to send to; undefined while none is up. */
  target: () => string | undefined;
  /** Pause between two sends. */
  intervalMs: number;
  maxInFlight: number;
  timeoutMs: number;
}

export interface SenderStats {
  deliveries: number;
  attempts: number;
  acked: number;
  /** Acknowledged as already received: the first copy was stored but its answer was lost. */
  ackedAsDuplicate: number;
  failedAttempts: number;
  statuses: Record<string, number>;
  /** Latency of each acknowledged attempt, ms. */
  ackLatenciesMs: number[];
  /** When each delivery was acknowledged (epoch ms). */
  ackedAt: Map<Delivery, number>;
  startedAt: number;
  finishedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(d: Delivery, base: string, o: SenderOptions, stats: SenderStats): Promise<boolean> {
  stats.attempts += 1;
  const started = performance.now();
  try {
    const res = await fetch(`${base}/webhooks/sota/${d.hookId}`, {
      method: 'POST',
      body: d.body,
      headers: { 'content-type': 'application/json', 'x-sota-signature': signSotaPayload(d.secret, d.body) },
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    const text = await res.text();
    stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
    if (res.status < 200 || res.status > 299) return false;
    stats.ackLatenciesMs.push(performance.now() - started);
    if (text.includes('"duplicate":true')) stats.ackedAsDuplicate += 1;
    return true;
  } catch {
    stats.statuses.error = (stats.statuses.error ?? 0) + 1;
    return false;
  }
}

export function emptyStats(deliveries: number): SenderStats {
  return {
    deliveries,
    attempts: 0,
    acked: 0,
    ackedAsDuplicate: 0,
    failedAttempts: 0,
    statuses: {},
    ackLatenciesMs: [],
    ackedAt: new Map(),
    startedAt: Date.now(),
    finishedAt: 0,
  };
}

/** Sends every delivery until each got a 2xx; resolves with what it took. */
export async function sendUntilAcked(
  deliveries: readonly Delivery[],
  o: SenderOptions,
): Promise<SenderStats> {
  const stats = emptyStats(deliveries.length);
  const queue = [...deliveries];
  let inFlight = 0;
  while (stats.acked < deliveries.length) {
    const base = o.target();
    const next = base && inFlight < o.maxInFlight ? queue.shift() : undefined;
    if (!base || !next) {
      await sleep(base ? 2 : 20);
      continue;
    }
    inFlight += 1;
    void attempt(next, base, o, stats).then(async (ok) => {
      if (ok) {
        stats.acked += 1;
        stats.ackedAt.set(next, Date.now());
      } else {
        stats.failedAttempts += 1;
        await sleep(50);
        queue.push(next);
      }
      inFlight -= 1;
    });
    await sleep(o.intervalMs);
  }
  stats.finishedAt = Date.now();
  return stats;
}
