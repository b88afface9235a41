import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretBox } from '../../src/crypto/secret-box.js';
import { createSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import type { StoreHarness } from './contract.js';

export interface SqliteHarness extends StoreHarness {
  /** The database file (inside a directory the store had to create). */
  path: string;
  open(secretBox: SecretBox, options?: Partial<SqliteStoreOptions>): Promise<Store>;
}

/** A migrated SQLite store on a fresh file in its own temporary directory. */
export async function makeSqliteHarness(secretBox: SecretBox): Promise<SqliteHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'sota-slack-store-'));
  const path = join(dir, 'data', 'store.db');
  const opened: Store[] = [];
  const open = async (box: SecretBox, options: Partial<SqliteStoreOptions> = {}) => {
    const store = createSqliteStore({ path, secretBox: box, ...options });
    opened.push(store);
    await store.migrate();
    return store;
  };
  const store = await open(secretBox);
  return {
    store,
    path,
    open,
    reopen: (box) => open(box),
    async cleanup() {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
