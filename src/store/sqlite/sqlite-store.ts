import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../log/logger.js';
import type { Store } from '../types.js';
import { createHookMethods } from './hooks.js';
import { createInbox } from './inbox.js';
import { createMessageMethods } from './messages.js';
import { runMigrations } from './migrate.js';
import { createOAuthStateMethods } from './oauth-states.js';
import { openDatabase } from './open-database.js';
import { type OwnerLock, takeOwnerLock } from './owner-lock.js';
import { createQueueMethods, releaseLeftLeases } from './queue.js';
import { createSecretMethods } from './secrets.js';
import { createSubscriptionMethods } from './subscriptions.js';
import { createWorkspaceMethods } from './workspaces.js';

export interface SqliteStoreOptions {
  /** The database file; its directory is created when missing. */
  path: string;
  secretBox: SecretBox;
  logger?: Logger;
  /** How long a write waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * This process owns the file (the app does; tools that read beside it do not): take the file's
   * owner lock, refusing with StoreLockedError when another process holds it, and on `migrate()`
   * free the delivery leases a previous owner left behind.
   */
  owner?: boolean;
}

/**
 * The embedded default store: one SQLite file in WAL mode with durable (synchronous=FULL)
 * commits. Call `migrate()` before anything else.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const { secretBox, logger } = options;
  const lock = options.owner ? takeOwnerLock(options.path) : undefined;
  const db = openOwned(options, lock);
  const { close: closeInbox, ...inbox } = createInbox(db);

  return {
    async migrate() {
      runMigrations(db, logger);
      if (!lock) return;
      const released = releaseLeftLeases(db);
      if (released > 0) logger?.info({ released }, 'released the delivery leases a previous process left');
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      closeInbox();
      if (db.open) db.close();
      lock?.release();
    },
    ...createHookMethods(db, secretBox),
    ...createSubscriptionMethods(db),
    ...inbox,
    ...createQueueMethods(db),
    ...createMessageMethods(db),
    ...createWorkspaceMethods(db, secretBox),
    ...createOAuthStateMethods(db),
    ...createSecretMethods(db, secretBox),
  };
}

function openOwned(options: SqliteStoreOptions, lock: OwnerLock | undefined) {
  try {
    return openDatabase(options.path, { busyTimeoutMs: options.busyTimeoutMs });
  } catch (error) {
    lock?.release();
    throw error;
  }
}
