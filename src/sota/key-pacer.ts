import { createHash } from 'node:crypto';

/** sota.io allows 100 requests a minute per authenticated user (sota-api.md §1.6). */
export const SOTA_REQUESTS_PER_MINUTE = 100;

/** Why a call was not sent: the key's budget is used up (or held by a 429) for longer than allowed. */
export class PacerBusyError extends Error {
  readonly code = 'sota_key_busy';
  constructor(readonly waitMs: number) {
    super(`sota.io's rate limit for this key needs a wait of ${Math.ceil(waitMs / 1000)} s`);
    this.name = 'PacerBusyError';
  }
}

/** One key's bucket: every sota.io call with the key takes a token first. */
export interface KeyPacer {
  /** Waits for a token; throws PacerBusyError when that would take longer than `maxWaitMs`. */
  acquire(maxWaitMs: number): Promise<void>;
  /** sota.io answered 429: no call with this key before `untilMs`. Never shortens a hold. */
  holdUntil(untilMs: number): void;
}

export interface PacerClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** A token bucket of `perMinute` (burst as large), refilled continuously, with 429 holds. */
export function createKeyPacer(clock: PacerClock, perMinute = SOTA_REQUESTS_PER_MINUTE): KeyPacer {
  const msPerToken = 60_000 / perMinute;
  let tokens = perMinute;
  let refilledAt = clock.now();
  let heldUntil = 0;
  const refill = (now: number) => {
    tokens = Math.min(perMinute, tokens + (now - refilledAt) / msPerToken);
    refilledAt = now;
  };
  return {
    async acquire(maxWaitMs) {
      const now = clock.now();
      refill(now);
      const hold = Math.max(0, heldUntil - now);
      const wait = Math.max(hold, tokens >= 1 ? 0 : (1 - tokens) * msPerToken);
      if (wait > maxWaitMs) throw new PacerBusyError(wait);
      tokens -= 1; // reserved now, so concurrent callers queue behind this one
      if (wait > 0) await clock.sleep(wait);
    },
    holdUntil(untilMs) {
      heldUntil = Math.max(heldUntil, untilMs);
    },
  };
}

/** One pacer per key, shared by every client made for that key (lookups, logs and actions alike). */
export function createKeyPacers(clock: PacerClock, perMinute = SOTA_REQUESTS_PER_MINUTE) {
  const pacers = new Map<string, KeyPacer>();
  return (token: string): KeyPacer => {
    const id = createHash('sha256').update(token).digest('base64url');
    let pacer = pacers.get(id);
    if (!pacer) {
      pacer = createKeyPacer(clock, perMinute);
      pacers.set(id, pacer);
    }
    return pacer;
  };
}

export const realPacerClock: PacerClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
