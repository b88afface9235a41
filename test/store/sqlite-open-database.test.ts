import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openDatabase,
  PAGE_CACHE_KIB,
  WAL_CHECKPOINT_PAGES,
  WAL_SIZE_LIMIT_BYTES,
} from '../../src/store/sqlite/open-database.js';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file with durable WAL commits, references enforced, a long, bounded WAL and an 8 MiB cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sota-open-db-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'nested', 'store.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 is FULL: the WAL is synced at every commit, so a 202 survives power loss.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
      expect(WAL_CHECKPOINT_PAGES).toBeGreaterThan(1000);
      expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT_BYTES);
      expect(WAL_SIZE_LIMIT_BYTES).toBeGreaterThan(WAL_CHECKPOINT_PAGES * 4096);
      // Negative: a size in KiB, not in pages (better-sqlite3's own default is -16000).
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
    } finally {
      db.close();
    }
  });
});
