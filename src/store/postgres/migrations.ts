import { foldUuidCaseSql } from '../fold-uuid-case-sql.js';

/** One numbered schema change. Applied in id order, once, recorded in `schema_migrations`. */
export interface PgMigration {
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
  remote_deleted BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  retired_at BIGINT
);
CREATE UNIQUE INDEX hooks_one_active ON hooks (team_id, project_id) WHERE status = 'active';
CREATE INDEX hooks_team ON hooks (team_id);

CREATE TABLE subscriptions (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  events TEXT[] NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
  paused_reason TEXT,
  created_by TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id, project_id)
);
CREATE INDEX subscriptions_hook ON subscriptions (hook_id);

CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  project_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  event TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  payload TEXT NOT NULL,
  disposition TEXT NOT NULL CHECK (disposition IN ('deliver', 'stale', 'unknown')),
  UNIQUE (hook_id, deployment_id, event)
);

CREATE TABLE jobs (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  hook_id TEXT NOT NULL REFERENCES hooks (id),
  project_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dropped')),
  version INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  enqueued_at BIGINT NOT NULL,
  last_error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
);
CREATE INDEX jobs_pending_due ON jobs (next_attempt_at) WHERE state = 'pending';
CREATE INDEX jobs_channel_lease ON jobs (team_id, channel_id, lease_until) WHERE lease_until IS NOT NULL;

CREATE TABLE messages (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  ts TEXT,
  shown_status TEXT,
  shown_hash TEXT,
  replied_status TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id, deployment_id)
);

CREATE TABLE workspace_holds (
  team_id TEXT PRIMARY KEY,
  until BIGINT NOT NULL
);

CREATE TABLE installations (
  team_id TEXT PRIMARY KEY,
  enterprise_id TEXT,
  installation_sealed TEXT NOT NULL,
  bot_token_sealed TEXT NOT NULL,
  bot_user_id TEXT,
  installed_at BIGINT NOT NULL
);

CREATE TABLE api_keys (
  team_id TEXT PRIMARY KEY,
  api_key_sealed TEXT NOT NULL,
  label TEXT,
  created_by TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE oauth_states (
  state TEXT PRIMARY KEY,
  payload TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
`;

/** The PostgreSQL schema, oldest first. Never edit a released migration: add the next one. */
export const pgMigrations: readonly PgMigration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'fold_uuid_case', sql: foldUuidCaseSql('ctid') },
];
