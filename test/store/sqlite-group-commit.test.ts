import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { eventFor, hookWithChannels, T0 } from './contract/fixtures.js';
import { makeSqliteHarness, type SqliteHarness } from './sqlite-harness.js';

describe('sqlite group commit', () => {
  let h: SqliteHarness;
  beforeEach(async () => {
    h = await makeSqliteHarness(createSecretBox(randomBytes(32)));
  });
  afterEach(() => h.cleanup());

  it('stores 200 concurrent distinct events, each caller getting its own result', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    const events = Array.from({ length: 200 }, (_, i) => eventFor(hook, { receivedAt: T0 + i }));
    const results = await Promise.all(events.map((e) => h.store.ingestEvent(e)));
    expect(results).toEqual(events.map(() => ({ duplicate: false, enqueued: 1 })));
    expect(await h.store.countEvents()).toBe(200);
    expect(await h.store.queueStats(T0 + 1_000)).toEqual({ depth: 200, oldestAgeMs: 1_000 });
  });

  it('rejects only the caller whose event breaks a constraint', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    const good = [eventFor(hook), eventFor(hook)];
    const bad = eventFor(hook, { hookId: 'hk_missing' });
    const settled = await Promise.allSettled([
      h.store.ingestEvent(good[0]!),
      h.store.ingestEvent(bad),
      h.store.ingestEvent(good[1]!),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await h.store.countEvents()).toBe(2);
    expect(await h.store.countEvents({ hookId: 'hk_missing' })).toBe(0);
  });

  it('rejects every caller of a batch that could not commit, and stores nothing', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    const impatient = await h.open(createSecretBox(randomBytes(32)), { busyTimeoutMs: 0 });
    const locker = new Database(h.path);
    const events = [eventFor(hook), eventFor(hook), eventFor(hook)];
    locker.exec('BEGIN IMMEDIATE');
    let settled: PromiseSettledResult<unknown>[];
    try {
      settled = await Promise.allSettled(events.map((e) => impatient.ingestEvent(e)));
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await impatient.countEvents()).toBe(0);
    const retried = await Promise.all(events.map((e) => impatient.ingestEvent(e)));
    expect(retried.every((r) => !r.duplicate && r.enqueued === 1)).toBe(true);
  });

  it('commits what is queued when the store closes, and refuses ingests after', async () => {
    const hook = await hookWithChannels(h.store, ['C1']);
    const pending = h.store.ingestEvent(eventFor(hook));
    await h.store.close();
    await expect(pending).resolves.toEqual({ duplicate: false, enqueued: 1 });
    await expect(h.store.ingestEvent(eventFor(hook))).rejects.toThrow(/closed/);
    const again = await h.open(createSecretBox(randomBytes(32)));
    expect(await again.countEvents()).toBe(1);
  });
});
