import type { SecretBox } from '../crypto/secret-box.js';
import type { KnownEvent } from '../sota/event.js';
import { sealContext } from './seal.js';
import type {
  DeliveryJob,
  EventDisposition,
  Hook,
  MessageRecord,
  StoredEvent,
  Subscription,
  SubscriptionState,
} from './types.js';

/**
 * Row shapes as both stores return them (snake_case columns; PostgreSQL's BIGINT parsed to number by the
 * pool; SQLite keeps booleans as 0/1 and JSON arrays as text), and their mapping to the domain types.
 */
export interface HookRow {
  id: string;
  team_id: string;
  project_id: string;
  project_name: string | null;
  project_slug: string | null;
  sota_webhook_id: string | null;
  secret_sealed: string;
  status: Hook['status'];
  remote_deleted: boolean | number;
  created_at: number;
}

export function toHook(row: HookRow, box: SecretBox): Hook {
  return {
    id: row.id,
    teamId: row.team_id,
    projectId: row.project_id,
    projectName: row.project_name,
    projectSlug: row.project_slug,
    sotaWebhookId: row.sota_webhook_id,
    secret: box.open(row.secret_sealed, sealContext.hook(row.id)),
    status: row.status,
    remoteDeleted: Boolean(row.remote_deleted),
    createdAt: row.created_at,
  };
}

export interface SubscriptionRow {
  team_id: string;
  channel_id: string;
  project_id: string;
  hook_id: string;
  /** A JSON array (PostgreSQL) or its text (SQLite). */
  events: string[] | string;
  state: SubscriptionState;
  paused_reason: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    projectId: row.project_id,
    hookId: row.hook_id,
    events: (typeof row.events === 'string' ? JSON.parse(row.events) : row.events) as KnownEvent[],
    state: row.state,
    pausedReason: row.paused_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface EventRow {
  hook_id: string;
  project_id: string;
  deployment_id: string;
  event: string;
  occurred_at: string;
  received_at: number;
  payload: string;
  disposition: EventDisposition;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    hookId: row.hook_id,
    projectId: row.project_id,
    deploymentId: row.deployment_id,
    event: row.event,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    payload: row.payload,
    disposition: row.disposition,
  };
}

export interface JobRow {
  team_id: string;
  channel_id: string;
  deployment_id: string;
  hook_id: string;
  project_id: string;
  version: number;
  attempts: number;
  /** Selected by PostgreSQL's claim query (ordering); not part of DeliveryJob. */
  next_attempt_at?: number;
  enqueued_at: number;
  lease_owner: string;
  lease_until: number;
}

export function toDeliveryJob(row: JobRow): DeliveryJob {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    deploymentId: row.deployment_id,
    hookId: row.hook_id,
    projectId: row.project_id,
    version: row.version,
    attempts: row.attempts,
    enqueuedAt: row.enqueued_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
  };
}

export interface MessageRow {
  team_id: string;
  channel_id: string;
  deployment_id: string;
  ts: string | null;
  shown_status: string | null;
  shown_hash: string | null;
  replied_status: string | null;
  updated_at: number;
}

export function toMessage(row: MessageRow): MessageRecord {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    deploymentId: row.deployment_id,
    ts: row.ts,
    shownStatus: row.shown_status,
    shownHash: row.shown_hash,
    repliedStatus: row.replied_status,
    updatedAt: row.updated_at,
  };
}
