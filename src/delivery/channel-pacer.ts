/** Thrown instead of calling Slack when the channel has no token left; nothing was sent. */
export class ChannelPacedError extends Error {
  readonly code = 'channel_paced';
  constructor(readonly readyAt: number) {
    super('channel is waiting for its next Slack call slot');
    this.name = 'ChannelPacedError';
  }
}

/**
 * Paces Slack calls per channel with a token bucket: `burst` calls may go out back to back, after that
 * one call per `intervalMs`, counted from call start. A call's token is dated when Slack answered at the
 * latest (never earlier than Slack can have counted it), so delays on the way to Slack never make a
 * later call look early to Slack's own bucket. Callers keep at most one call per channel running.
 */
export interface ChannelPacer {
  /** When the channel may be called next: now or earlier when it has a token. */
  readyAt(channelKey: string): number;
  /** Spends a token and makes the call; throws ChannelPacedError, without calling, when there is none. */
  run<T>(channelKey: string, call: () => Promise<T>): Promise<T>;
}

export interface ChannelPacerOptions {
  intervalMs: number;
  burst: number;
  now: () => number;
}

const PRUNE_ABOVE = 1000;

export function createChannelPacer(options: ChannelPacerOptions): ChannelPacer {
  const interval = Math.max(0, options.intervalMs);
  const tolerance = (Math.max(1, Math.floor(options.burst)) - 1) * interval;
  // Per channel, the theoretical start of the next call at the sustained rate (the bucket is full
  // again once this lies in the past).
  const next = new Map<string, number>();

  const readyAt = (key: string) => (next.get(key) ?? Number.NEGATIVE_INFINITY) - tolerance;

  function prune(at: number): void {
    if (next.size <= PRUNE_ABOVE) return;
    for (const [key, t] of next) if (t <= at) next.delete(key);
  }

  return {
    readyAt,
    async run(key, call) {
      const start = options.now();
      const ready = readyAt(key);
      if (ready > start) throw new ChannelPacedError(ready);
      const before = next.get(key) ?? Number.NEGATIVE_INFINITY;
      next.set(key, Math.max(before, start) + interval);
      try {
        return await call();
      } finally {
        const end = options.now();
        prune(end);
        next.set(key, Math.max(next.get(key) ?? 0, Math.max(before, end) + interval));
      }
    },
  };
}
