import type { SecretBox } from '../crypto/secret-box.js';
import type { Logger } from '../log/logger.js';
import type { Engine } from './engine.js';
import { sql } from './kysely.js';
import { runMigrations } from './migrate.js';
import { createActionQueries } from './queries/actions.js';
import { createHookQueries } from './queries/hooks.js';
import { createInboxQueries } from './queries/inbox.js';
import { createMessageQueries } from './queries/messages.js';
import { createQueueQueries } from './queries/queue.js';
import { createSignalQueries } from './queries/signals.js';
import { createSubscriptionQueries } from './queries/subscriptions.js';
import { createWorkspaceQueries } from './queries/workspaces.js';
import type { Store } from './types.js';

/** The store over one engine: the shared queries, and the engine's own parts where it differs. */
export function createStore(engine: Engine, box: SecretBox, logger?: Logger): Store {
  const { db } = engine;
  return {
    async migrate() {
      await runMigrations(engine, logger);
    },
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    close: () => engine.close(),
    ...createHookQueries(db, box),
    ...createSubscriptionQueries(db),
    ingestEvent: engine.ingestEvent,
    ...createInboxQueries(db),
    claimJobs: engine.claimJobs,
    ...createQueueQueries(db),
    ...createMessageQueries(db),
    ...createWorkspaceQueries(db, box),
    ...createActionQueries(db),
    ...createSignalQueries(db),
  };
}
