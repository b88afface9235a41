import type { Generated, Kysely } from 'kysely';
import type { SignalTables } from './signal-schema.js';
import type {
  ActionAccess,
  ActionPressKey,
  ActionRecord,
  DeliveryJob,
  Hook,
  MessageRecord,
  StoredEvent,
  Subscription,
  WorkspaceApiKey,
} from './types.js';

type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
/** The columns of a row that holds `T`: its fields in snake_case, as rows.ts maps them back. */
type Columns<T> = { [K in keyof T as Snake<K & string>]: T[K] };

/**
 * The tables as both engines hold them, for the typed query layer. Times are epoch-millisecond
 * integers (BIGINT on PostgreSQL, parsed to number by the pool); flags are 0/1 integers; lists
 * are JSON text. Secrets are only ever stored sealed (`*_sealed`).
 */
export interface Database extends SignalTables {
  hooks: Columns<Omit<Hook, 'secret' | 'remoteDeleted'>> & {
    secret_sealed: string;
    remote_deleted: number;
    retired_at: number | null;
  };
  /** `events` is a JSON array of event names; `changes` a 0/1 flag. */
  subscriptions: Columns<Omit<Subscription, 'events' | 'changes'>> & { events: string; changes: number };
  events: Columns<StoredEvent> & { id: Generated<number> };
  jobs: Columns<Omit<DeliveryJob, 'leaseOwner' | 'leaseUntil'>> & {
    state: 'pending' | 'done' | 'dropped';
    next_attempt_at: number;
    lease_owner: string | null;
    lease_until: number | null;
    last_error: string | null;
    updated_at: number;
  };
  messages: Columns<MessageRecord>;
  workspace_holds: { team_id: string; until: number };
  installations: {
    team_id: string;
    enterprise_id: string | null;
    installation_sealed: string;
    bot_token_sealed: string;
    bot_user_id: string | null;
    installed_at: number;
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
}

/** The query layer over either engine (a transaction is one too). */
export type Db = Kysely<Database>;

export type TableName = keyof Database;
