/**
 * Where a reliability run keeps its data: a SQLite file in a fresh temp dir, or a fresh schema in
 * the TEST_DATABASE_URL PostgreSQL database. Either way with its own ENCRYPTION_KEY, so several
 * processes (and a store opened by the test itself) share it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/log/logger.js';
import { openStore, resolveSecretBox } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { createTestSchema } from '../../scale/pg-schema.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface TestStorage {
  kind: StoreKind;
  /** DATABASE_URL and ENCRYPTION_KEY for every instance. */
  env: { DATABASE_URL: string; ENCRYPTION_KEY: string };
  /** A temp dir for files (the SQLite database lives here). */
  dir: string;
  /** Opens a store on the same data, for checks from the test. */
  open(config: Config): Promise<Store>;
  drop(): Promise<void>;
}

export async function createTestStorage(kind: StoreKind, pgUrl?: string): Promise<TestStorage> {
  const dir = mkdtempSync(join(tmpdir(), `sota-reliability-${kind}-`));
  const key = randomBytes(32).toString('base64');
  const schema = kind === 'postgres' ? await createTestSchema(requirePg(pgUrl)) : undefined;
  const url = schema ? schema.url : `file:${join(dir, 'sota-slack.db')}`;
  const logger = createLogger('warn');
  return {
    kind,
    env: { DATABASE_URL: url, ENCRYPTION_KEY: key },
    dir,
    open: (config) => openStore(config, resolveSecretBox(config, logger), logger),
    async drop() {
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function requirePg(url: string | undefined): string {
  if (!url) throw new Error('PostgreSQL runs need TEST_DATABASE_URL');
  return url;
}
