import { foldUuidCaseSql } from '../fold-uuid-case-sql.js';

/** One numbered schema change. Applied in id order, once, recorded in `schema_migrations`. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const init = `
CREATE TABLE hooks (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  project_name TEXT,
  project_slug TEXT,
  sota_webhook_id TEXT,
  secret_sealed TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  remote_deleted INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;
CREATE UNIQUE INDEX hooks_one_active ON hooks (team_id, project_id) WHERE status = 'active';
CREATE INDEX hooks_team ON hooks (team_id);

CREATE TABLE subscriptions (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  events TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
  paused_reason TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, channel_id, project_id)
) STRICT;
CREATE INDEX subscriptions_hook ON subscriptions (hook_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  project_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  event TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  disposition TEXT NOT NULL CHECK (disposition IN ('deliver', 'stale', 'unknown')),
  UNIQUE (hook_id, deployment_id, event)
) STRICT;

CREATE TABLE jobs (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  project_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dropped')),
  version INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER,
  enqueued_at INTEGER NOT NULL,
  last_error TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
) STRICT;
CREATE INDEX jobs_pending_due ON jobs (next_attempt_at) WHERE state = 'pending';

CREATE TABLE messages (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  ts TEXT,
  shown_status TEXT,
  shown_hash TEXT,
  replied_status TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
) STRICT;

CREATE TABLE workspace_holds (
  team_id TEXT PRIMARY KEY,
  until INTEGER NOT NULL
) STRICT;

CREATE TABLE installations (
  team_id TEXT PRIMARY KEY,
  enterprise_id TEXT,
  installation_sealed TEXT NOT NULL,
  bot_token_sealed TEXT NOT NULL,
  bot_user_id TEXT,
  installed_at INTEGER NOT NULL
) STRICT;

CREATE TABLE api_keys (
  team_id TEXT PRIMARY KEY,
  api_key_sealed TEXT NOT NULL,
  label TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE oauth_states (
  state TEXT PRIMARY KEY,
  payload TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
`;

// The claim walks the channels that have pending jobs and seeks each one's head, instead of ranking
// every pending job on each claim; the lease check seeks the few leased rows of a channel.
const claimIndexes = `
DROP INDEX jobs_pending_due;
CREATE INDEX jobs_pending_channel
  ON jobs (team_id, channel_id, next_attempt_at, enqueued_at, deployment_id) WHERE state = 'pending';
CREATE INDEX jobs_leased
  ON jobs (team_id, channel_id, lease_until) WHERE state = 'pending' AND lease_until IS NOT NULL;
`;

/** The SQLite schema, oldest first. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'claim_indexes', sql: claimIndexes },
  { id: 3, name: 'fold_uuid_case', sql: foldUuidCaseSql('rowid') },
];
