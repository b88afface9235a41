import { foldUuidCaseSql } from './fold-uuid-case-sql.js';
import { sql } from './kysely.js';
import type { Db } from './schema.js';

export type EngineName = 'sqlite' | 'postgres';

/** The only words of the schema that differ: epoch-ms integers, auto ids, STRICT, a row's physical id. */
const WORDS = {
  sqlite: { int: 'INTEGER', serial: 'INTEGER', strict: ' STRICT', rowId: 'rowid' },
  postgres: { int: 'BIGINT', serial: 'BIGSERIAL', strict: '', rowId: 'ctid' },
} as const;

/** One numbered schema change, applied once in id order and recorded in `schema_migrations`. */
export interface Migration {
  id: number;
  name: string;
  up(db: Db, engine: EngineName): Promise<void>;
}

type Words = (typeof WORDS)[EngineName];

export const schemaWords = (engine: EngineName): Words => WORDS[engine];

/** A migration written as SQL once, with the engine's words filled in. */
const ddl = (id: number, name: string, text: (w: Words) => string): Migration => ({
  id,
  name,
  async up(db, engine) {
    for (const statement of text(WORDS[engine]).split(/;\s*\n/)) {
      if (statement.trim()) await sql.raw(statement).execute(db);
    }
  },
});

const init = ({ int, serial, strict }: Words) => `
CREATE TABLE hooks (
  id TEXT PRIMARY KEY, team_id TEXT NOT NULL, project_id TEXT NOT NULL,
  project_name TEXT, project_slug TEXT, sota_webhook_id TEXT,
  secret_sealed TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  remote_deleted INTEGER NOT NULL DEFAULT 0, created_at ${int} NOT NULL, retired_at ${int}
)${strict};
CREATE UNIQUE INDEX hooks_one_active ON hooks (team_id, project_id) WHERE status = 'active';
CREATE INDEX hooks_team ON hooks (team_id);
CREATE TABLE subscriptions (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, project_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  events TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
  paused_reason TEXT, created_by TEXT, created_at ${int} NOT NULL, updated_at ${int} NOT NULL,
  PRIMARY KEY (team_id, channel_id, project_id)
)${strict};
CREATE INDEX subscriptions_hook ON subscriptions (hook_id);
CREATE TABLE events (
  id ${serial} PRIMARY KEY,
  hook_id TEXT NOT NULL REFERENCES hooks (id), project_id TEXT NOT NULL, deployment_id TEXT NOT NULL,
  event TEXT NOT NULL, occurred_at TEXT NOT NULL, received_at ${int} NOT NULL, payload TEXT NOT NULL,
  disposition TEXT NOT NULL CHECK (disposition IN ('deliver', 'stale', 'unknown')),
  UNIQUE (hook_id, deployment_id, event)
)${strict};
CREATE TABLE jobs (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, deployment_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id), project_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dropped')),
  version INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at ${int} NOT NULL,
  lease_owner TEXT, lease_until ${int}, enqueued_at ${int} NOT NULL, last_error TEXT,
  updated_at ${int} NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
)${strict};
CREATE INDEX jobs_pending_due ON jobs (next_attempt_at) WHERE state = 'pending';
CREATE TABLE messages (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, deployment_id TEXT NOT NULL,
  ts TEXT, shown_status TEXT, shown_hash TEXT, replied_status TEXT,
  updated_at ${int} NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
)${strict};
CREATE TABLE workspace_holds (team_id TEXT PRIMARY KEY, until ${int} NOT NULL)${strict};
CREATE TABLE installations (
  team_id TEXT PRIMARY KEY, enterprise_id TEXT, installation_sealed TEXT NOT NULL,
  bot_token_sealed TEXT NOT NULL, bot_user_id TEXT, installed_at ${int} NOT NULL
)${strict};
CREATE TABLE api_keys (
  team_id TEXT PRIMARY KEY, api_key_sealed TEXT NOT NULL, label TEXT, created_by TEXT,
  created_at ${int} NOT NULL
)${strict};
CREATE TABLE oauth_states (state TEXT PRIMARY KEY, payload TEXT NOT NULL, expires_at ${int} NOT NULL)${strict};
`;

// The claim walks the channels that have pending jobs and seeks each one's head, instead of ranking
// every pending job on each claim; the lease check seeks the few leased rows of a channel.
const claimIndexes = () => `
DROP INDEX jobs_pending_due;
CREATE INDEX jobs_pending_channel
  ON jobs (team_id, channel_id, next_attempt_at, enqueued_at, deployment_id) WHERE state = 'pending';
CREATE INDEX jobs_leased
  ON jobs (team_id, channel_id, lease_until) WHERE state = 'pending' AND lease_until IS NOT NULL;
`;

/**
 * Brings a PostgreSQL schema made by the first release (its own init: a TEXT[] event filter,
 * a BOOLEAN flag, one more lease index) to the shared shape; on every other database a no-op.
 */
const sharedColumns: Migration = {
  id: 4,
  name: 'shared_column_types',
  async up(db, engine) {
    if (engine !== 'postgres') return;
    const events = sql<{ data_type: string }>`SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'subscriptions' AND column_name = 'events'`;
    if ((await events.execute(db)).rows[0]?.data_type !== 'ARRAY') return;
    await sql`ALTER TABLE subscriptions ALTER COLUMN events TYPE TEXT USING array_to_json(events)::text;
      ALTER TABLE hooks ALTER COLUMN remote_deleted DROP DEFAULT,
        ALTER COLUMN remote_deleted TYPE INTEGER USING remote_deleted::int,
        ALTER COLUMN remote_deleted SET DEFAULT 0;
      DROP INDEX IF EXISTS jobs_channel_lease`.execute(db);
  },
};

/** Mutes, daily digests, notices claimed once, name checks, and the `changes` mode of a subscription. */
const signals = ({ int, strict }: Words) => `
CREATE TABLE mutes (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, target TEXT NOT NULL,
  muted_at ${int} NOT NULL, until ${int} NOT NULL, created_by TEXT,
  PRIMARY KEY (team_id, channel_id, target)
)${strict};
CREATE INDEX mutes_until ON mutes (until);
CREATE TABLE digests (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, time TEXT NOT NULL, time_zone TEXT NOT NULL,
  created_by TEXT, updated_at ${int} NOT NULL,
  PRIMARY KEY (team_id, channel_id)
)${strict};
CREATE TABLE notices (
  key TEXT PRIMARY KEY, team_id TEXT NOT NULL, channel_id TEXT NOT NULL, kind TEXT NOT NULL,
  message TEXT, state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'skipped', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at ${int} NOT NULL,
  lease_owner TEXT, lease_until ${int}, ts TEXT, last_error TEXT,
  created_at ${int} NOT NULL, updated_at ${int} NOT NULL
)${strict};
CREATE INDEX notices_pending ON notices (next_attempt_at) WHERE state = 'pending';
CREATE TABLE hook_name_checks (hook_id TEXT PRIMARY KEY, checked_at ${int} NOT NULL)${strict};
ALTER TABLE subscriptions ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;
`;

/**
 * The schema of both engines, oldest first. Never edit a released migration: add the next one.
 * A migration is known by its name: the first releases numbered each engine's list on its own.
 */
export const migrations: readonly Migration[] = [
  ddl(1, 'init', init),
  ddl(2, 'claim_indexes', claimIndexes),
  ddl(3, 'fold_uuid_case', ({ rowId }) => foldUuidCaseSql(rowId)),
  sharedColumns,
  ddl(
    5,
    'actions_and_mentions',
    ({ int, serial, strict }) => `
CREATE TABLE action_access (
  team_id TEXT PRIMARY KEY,
  mode TEXT NOT NULL CHECK (mode IN ('off', 'everyone', 'members')),
  mentions TEXT NOT NULL, set_by TEXT NOT NULL, set_at ${int} NOT NULL
)${strict};
CREATE TABLE action_presses (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, message_ts TEXT NOT NULL, action TEXT NOT NULL,
  claimed_at ${int} NOT NULL,
  PRIMARY KEY (team_id, channel_id, message_ts, action)
)${strict};
CREATE TABLE action_log (
  id ${serial} PRIMARY KEY,
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, message_ts TEXT NOT NULL, action TEXT NOT NULL,
  project_id TEXT NOT NULL, deployment_id TEXT NOT NULL, user_id TEXT NOT NULL, at ${int} NOT NULL,
  result TEXT NOT NULL, new_deployment_id TEXT
)${strict};
CREATE INDEX action_log_team ON action_log (team_id, at);
CREATE TABLE channel_mentions (
  team_id TEXT NOT NULL, channel_id TEXT NOT NULL, project_id TEXT NOT NULL, mentions TEXT NOT NULL,
  PRIMARY KEY (team_id, channel_id, project_id)
)${strict};
`,
  ),
  ddl(6, 'signals', signals),
  // The failures of the last minutes, read at each start to resume their reason lookups: a partial
  // index, so only a failure's ingest writes it (at its end: received_at grows).
  ddl(
    7,
    'recent_failures',
    () => `CREATE INDEX events_failed_received ON events (received_at) WHERE event = 'deploy.failed';\n`,
  ),
  // A hook's latest outcomes, read for every delivery (changes mode, the usual duration): without it
  // each read sorted every event the hook ever had. Entries of one hook are appended at its end.
  ddl(8, 'hook_history', () => 'CREATE INDEX events_hook_received ON events (hook_id, received_at);\n'),
];
