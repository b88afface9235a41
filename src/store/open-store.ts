import { dirname, join } from 'node:path';
import type { StoreConfig } from '../config/load-config.js';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';
import { createSecretBox, type SecretBox } from '../crypto/secret-box.js';
import type { Logger } from '../log/logger.js';
import { atStage } from '../startup/startup-error.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

/** Where the embedded default keeps its key when ENCRYPTION_KEY is not set: beside the SQLite file. */
export function keyFilePath(sqlitePath: string): string {
  return join(dirname(sqlitePath), 'sota-slack.key');
}

/** The SecretBox for this configuration: ENCRYPTION_KEY, else the embedded default's key file. */
export function resolveSecretBox(config: StoreConfig, logger: Logger): SecretBox {
  const previous = config.previousEncryptionKey ? [config.previousEncryptionKey] : [];
  if (config.encryptionKey) return createSecretBox(config.encryptionKey, previous);
  if (config.database.kind !== 'sqlite') {
    throw new Error('ENCRYPTION_KEY is required with PostgreSQL: set the same 32-byte key on every instance');
  }
  const path = keyFilePath(config.database.path);
  const { key, created } = loadOrCreateKeyFile(path);
  if (created) {
    logger.warn(
      { keyFile: path },
      'ENCRYPTION_KEY is not set: created a key file for secrets at rest; back it up, or set ENCRYPTION_KEY',
    );
  }
  return createSecretBox(key, previous);
}

export interface OpenStoreOptions {
  /**
   * The app's own store (not a tool's): with SQLite this process becomes the file's one owner, or
   * fails with StoreLockedError when another process owns it, and frees the leases left by a crash.
   */
  owner?: boolean;
}

/** Opens the store the configuration selects and brings its schema up to date. */
export async function openStore(
  config: StoreConfig,
  secretBox: SecretBox,
  logger: Logger,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const store =
    config.database.kind === 'sqlite'
      ? createSqliteStore({ path: config.database.path, secretBox, logger, owner: options.owner })
      : await openPostgres(config.database.url, secretBox, logger);
  try {
    await atStage('migrate', () => store.migrate());
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

async function openPostgres(url: string, secretBox: SecretBox, logger: Logger): Promise<Store> {
  const { createPostgresStore } = await import('./postgres/postgres-store.js');
  return createPostgresStore({ url, secretBox, logger });
}
