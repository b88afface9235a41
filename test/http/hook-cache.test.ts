import { describe, expect, it } from 'vitest';
import { createHookCache } from '../../src/http/hook-cache.js';
import type { Hook } from '../../src/store/types.js';

function hook(id: string, status: Hook['status'] = 'active'): Hook {
  return {
    id,
    teamId: 'T1',
    projectId: '550e8400-e29b-41d4-a716-446655440000',
    projectName: null,
    projectSlug: null,
    sotaWebhookId: 'w1',
    secret: 'whsec_x',
    status,
    remoteDeleted: false,
    createdAt: 0,
  };
}

/** A table of hooks standing in for the store, counting lookups and able to fail. */
function table(initial: Record<string, Hook>) {
  const rows = new Map(Object.entries(initial));
  const state = { loads: 0, fail: false };
  const load = async (id: string) => {
    state.loads += 1;
    if (state.fail) throw new Error('store down');
    return rows.get(id);
  };
  return { rows, state, load };
}

describe('createHookCache', () => {
  it('serves a found hook from memory until the TTL passes, then sees changes', async () => {
    const t = table({ a: hook('a') });
    const clock = { now: 1000 };
    const cache = createHookCache({ load: t.load, now: () => clock.now, ttlMs: 2000 });
    expect((await cache.get('a'))?.status).toBe('active');
    t.rows.set('a', hook('a', 'retired'));
    clock.now += 2000 - 1;
    expect((await cache.get('a'))?.status).toBe('active');
    clock.now += 1;
    expect((await cache.get('a'))?.status).toBe('retired');
    expect(t.state.loads).toBe(2);
  });

  it('remembers an unknown id for a shorter time', async () => {
    const t = table({});
    const clock = { now: 0 };
    const cache = createHookCache({ load: t.load, now: () => clock.now, ttlMs: 2000, missTtlMs: 100 });
    expect(await cache.get('new')).toBeUndefined();
    t.rows.set('new', hook('new'));
    expect(await cache.get('new')).toBeUndefined();
    clock.now += 100;
    expect((await cache.get('new'))?.id).toBe('new');
    expect(t.state.loads).toBe(2);
  });

  it('shares one lookup between concurrent requests for the same id', async () => {
    const t = table({ a: hook('a') });
    const cache = createHookCache({ load: t.load, now: () => 0, ttlMs: 0 });
    const found = await Promise.all(Array.from({ length: 10 }, () => cache.get('a')));
    expect(found.every((h) => h?.id === 'a')).toBe(true);
    expect(t.state.loads).toBe(1);
    await cache.get('a');
    expect(t.state.loads).toBe(2);
  });

  it('does not remember a failed lookup', async () => {
    const t = table({ a: hook('a') });
    const cache = createHookCache({ load: t.load, now: () => 0, ttlMs: 2000 });
    t.state.fail = true;
    await expect(cache.get('a')).rejects.toThrow('store down');
    t.state.fail = false;
    expect((await cache.get('a'))?.id).toBe('a');
  });

  it('turns a loader that throws synchronously into a rejection', async () => {
    const cache = createHookCache({
      load: () => {
        throw new Error('sync failure');
      },
      now: () => 0,
      ttlMs: 2000,
    });
    await expect(cache.get('a')).rejects.toThrow('sync failure');
  });

  it('keeps at most maxEntries ids, dropping the oldest', async () => {
    const t = table({ a: hook('a'), b: hook('b'), c: hook('c') });
    const cache = createHookCache({ load: t.load, now: () => 0, ttlMs: 2000, maxEntries: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    expect(t.state.loads).toBe(3);
    await cache.get('c');
    await cache.get('b');
    expect(t.state.loads).toBe(3);
    await cache.get('a');
    expect(t.state.loads).toBe(4);
  });
});
