import type { Generated, Kysely } from 'kysely';
import type { Columns } from './rows.js';
import type { DigestSetting, Mute, Notice } from './signal-types.js';
import type {
  ActionAccess,
  ActionPressKey,
  ActionRecord,
  DeliveryJob,
  Hook,
  InstallationRecord,
  MessageRecord,
  StoredEvent,
  Subscription,
  WorkspaceApiKey,
} from './types.js';

/** The schedule and lease of a queued row. */
type Lease = { next_attempt_at: number; lease_owner: string | null; lease_until: number | null };

/**
 * The tables as both engines hold them, for the typed query layer. Times are epoch-millisecond
 * integers (BIGINT on PostgreSQL, parsed to number by the pool); flags are 0/1 integers; lists
 * are JSON text. Secrets are only ever stored sealed (`*_sealed`).
 */
export interface Database {
  hooks: Columns<Omit<Hook, 'secret' | 'remoteDeleted'>> & {
    secret_sealed: string;
    remote_deleted: number;
    retired_at: number | null;
  };
  /** `events` is a JSON array of event names; `changes` a 0/1 flag. */
  subscriptions: Columns<Omit<Subscription, 'events' | 'changes'>> & { events: string; changes: number };
  events: Columns<StoredEvent> & { id: Generated<number> };
  jobs: Columns<Omit<DeliveryJob, 'leaseOwner' | 'leaseUntil'>> &
    Lease & { state: 'pending' | 'done' | 'dropped'; last_error: string | null; updated_at: number };
  messages: Columns<MessageRecord>;
  workspace_holds: { team_id: string; until: number };
  installations: Columns<Omit<InstallationRecord, 'installationJson' | 'botToken'>> & {
    installation_sealed: string;
    bot_token_sealed: string;
  };
  api_keys: Columns<Omit<WorkspaceApiKey, 'apiKey'>> & { api_key_sealed: string };
  oauth_states: { state: string; payload: string; expires_at: number };
  schema_migrations: { id: number; name: string; applied_at: number };
  /** `mentions` is a JSON array of id-form mentions. */
  action_access: {
    team_id: string;
    mode: ActionAccess['mode'];
    mentions: string;
    set_by: string;
    set_at: number;
  };
  action_presses: Columns<ActionPressKey> & { claimed_at: number };
  action_log: Columns<ActionRecord> & { id: Generated<number> };
  channel_mentions: { team_id: string; channel_id: string; project_id: string; mentions: string };
  mutes: Columns<Mute>;
  digests: Columns<DigestSetting>;
  /** `message` is `{ text, blocks }` as JSON; null for a claim with nothing to send. */
  notices: Columns<Omit<Notice, 'message'>> & Lease & { message: string | null; updated_at: number };
  hook_name_checks: { hook_id: string; checked_at: number };
}

/** The query layer over either engine (a transaction is one too). */
export type Db = Kysely<Database>;

export type TableName = keyof Database;
