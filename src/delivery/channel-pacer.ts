/**
 * Spaces Slack calls to one channel: a call starts no sooner than `paceMs` after the previous call to
 * that channel finished. Callers keep at most one job per channel running, so calls never overlap.
 */
export interface ChannelPacer {
  run<T>(channelKey: string, call: () => Promise<T>): Promise<T>;
}

const PRUNE_ABOVE = 1000;

export function createChannelPacer(
  paceMs: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): ChannelPacer {
  const nextAllowed = new Map<string, number>();

  function prune(at: number): void {
    if (nextAllowed.size <= PRUNE_ABOVE) return;
    for (const [key, next] of nextAllowed) if (next <= at) nextAllowed.delete(key);
  }

  return {
    async run(channelKey, call) {
      const wait = (nextAllowed.get(channelKey) ?? 0) - now();
      if (wait > 0) await sleep(wait);
      try {
        return await call();
      } finally {
        const at = now();
        prune(at);
        nextAllowed.set(channelKey, at + paceMs);
      }
    },
  };
}
