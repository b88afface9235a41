import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../log/logger.js';
import type { Store } from '../types.js';
import { createPgHookMethods } from './hooks.js';
import { createPgInbox } from './inbox.js';
import { createPgMessageMethods } from './messages.js';
import { runPgMigrations } from './migrate.js';
import { createPgOAuthStateMethods } from './oauth-states.js';
import { createPgPool, type PgPoolOptions } from './pool.js';
import { createPgQueueMethods } from './queue.js';
import { createPgSecretMethods } from './secrets.js';
import { createPgSubscriptionMethods } from './subscriptions.js';
import { createPgWorkspaceMethods } from './workspaces.js';

export interface PostgresStoreOptions {
  /** postgres:// or postgresql:// connection string (may carry `options=-c search_path=…`). */
  url: string;
  secretBox: SecretBox;
  logger?: Logger;
  pool?: PgPoolOptions;
}

/**
 * The store for several instances on one PostgreSQL database. Every instance may receive events
 * and run the delivery worker: de-duplication rests on a unique index, the queue on row leases
 * taken with SKIP LOCKED. Call `migrate()` before anything else.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const { secretBox: box, logger } = options;
  const pool = createPgPool(options.url, options.pool, logger);
  const deps = { pool, box };
  let closed: Promise<void> | undefined;

  return {
    async migrate() {
      await runPgMigrations(pool, logger);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
    ...createPgHookMethods(deps),
    ...createPgSubscriptionMethods(deps),
    ...createPgInbox(deps),
    ...createPgQueueMethods(deps),
    ...createPgMessageMethods(deps),
    ...createPgWorkspaceMethods(deps),
    ...createPgOAuthStateMethods(deps),
    ...createPgSecretMethods(deps),
  };
}
