import type { Hook } from '../store/types.js';

export interface HookCacheOptions {
  load: (id: string) => Promise<Hook | undefined>;
  now: () => number;
  /** How long a found hook is served from memory (a retired hook is seen within this time). */
  ttlMs: number;
  /** How long an unknown id is remembered; shorter, so a new hook is found quickly. */
  missTtlMs?: number;
  /** Oldest entries are dropped beyond this, so random ids cannot grow the cache without bound. */
  maxEntries?: number;
}

export interface HookCache {
  get(id: string): Promise<Hook | undefined>;
}

interface Entry {
  value: Promise<Hook | undefined>;
  expiresAt: number;
}

/**
 * A small read-through cache in front of the store's hook lookup. Concurrent lookups of one id share
 * one load; a failed load is not remembered.
 */
export function createHookCache(options: HookCacheOptions): HookCache {
  const entries = new Map<string, Entry>();
  const missTtlMs = options.missTtlMs ?? Math.min(options.ttlMs, 500);
  const maxEntries = options.maxEntries ?? 10_000;

  function load(id: string): Promise<Hook | undefined> {
    const entry: Entry = { value: (async () => options.load(id))(), expiresAt: Number.POSITIVE_INFINITY };
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(id, entry);
    entry.value.then(
      (hook) => {
        entry.expiresAt = options.now() + (hook ? options.ttlMs : missTtlMs);
      },
      () => {
        if (entries.get(id) === entry) entries.delete(id);
      },
    );
    return entry.value;
  }

  return {
    get(id) {
      const entry = entries.get(id);
      if (entry && entry.expiresAt > options.now()) return entry.value;
      entries.delete(id);
      return load(id);
    },
  };
}
