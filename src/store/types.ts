/**
 * The storage interface of the app, split by concern so that each layer asks only for the part it
 * uses. One query layer (queries/) serves SQLite (the embedded default) and PostgreSQL;
 * test/store/contract.ts runs the same cases against both. Every method is async.
 * Secrets (webhook secrets, bot tokens, sota.io API keys) are sealed with the SecretBox before they
 * reach a row and opened on the way out: callers only ever see plaintext, rows never hold it.
 * Times are epoch milliseconds unless the name says ISO.
 */

import type { KnownEvent } from '../sota/event.js';
import type { SignalStore } from './signal-types.js';

/** Our record of one webhook registered with sota.io: one per workspace and project. */
export interface Hook {
  /** Our own id, the last segment of `${PUBLIC_URL}/webhooks/sota/<id>` (random, url-safe). */
  id: string;
  teamId: string;
  projectId: string;
  projectName: string | null;
  projectSlug: string | null;
  /** The id sota.io gave the webhook (null only while registration is being recorded). */
  sotaWebhookId: string | null;
  /** The `whsec_…` signing secret, opened. */
  secret: string;
  /** 'active' serves events; 'retired' answers 410 (no channel uses it any more). */
  status: 'active' | 'retired';
  /** True once sota.io confirmed the remote webhook is gone (delete answered 2xx). */
  remoteDeleted: boolean;
  createdAt: number;
}

export type NewHook = Pick<Hook, 'id' | 'teamId' | 'projectId' | 'projectName' | 'projectSlug' | 'secret'> & {
  sotaWebhookId: string;
};

export type SubscriptionState = 'active' | 'paused';

export interface Subscription {
  teamId: string;
  channelId: string;
  projectId: string;
  hookId: string;
  /** Which events this channel wants (a non-empty subset of the three). */
  events: KnownEvent[];
  state: SubscriptionState;
  /** Why it is paused: a Slack error code such as `not_in_channel`; null when active. */
  pausedReason: string | null;
  createdBy: string | null;
  /** `changes` mode: break and recovery messages (alone when `events` is empty). */
  changes: boolean;
  createdAt: number;
  updatedAt: number;
}

/** `changes` left undefined: an existing subscription keeps its mode. */
export type UpsertSubscription = Pick<
  Subscription,
  'teamId' | 'channelId' | 'projectId' | 'hookId' | 'events' | 'createdBy'
> & { changes?: boolean };

/**
 * What happens to a received, verified event:
 * 'deliver' — enqueue for every active subscription of the hook (the worker applies each filter);
 * 'stale' — older than the freshness bound, recorded only; 'unknown' — unknown event name, recorded only.
 */
export type EventDisposition = 'deliver' | 'stale' | 'unknown';

export interface IngestEvent {
  hookId: string;
  projectId: string;
  deploymentId: string;
  /** The event name as received (may be unknown). */
  event: string;
  /** ISO-8601 timestamp from the payload. */
  occurredAt: string;
  receivedAt: number;
  /** The raw body as UTF-8 text (verified and parsed before this call). */
  payload: string;
  disposition: EventDisposition;
}

export interface IngestResult {
  /** True when (hook, deployment, event) was already stored: nothing new happened. */
  duplicate: boolean;
  /** How many channel deliveries were queued or refreshed. */
  enqueued: number;
}

/** An event as stored: exactly what was ingested. */
export type StoredEvent = IngestEvent;

/**
 * One queued job per (workspace, channel, deployment): the message that channel shows for that
 * deployment must be brought up to date. New events for the same message bump `version` instead of
 * adding rows, so queued updates coalesce into the newest state.
 */
export interface DeliveryJob {
  teamId: string;
  channelId: string;
  deploymentId: string;
  hookId: string;
  projectId: string;
  version: number;
  attempts: number;
  /** When the oldest unhandled event for this job was received (for latency metrics). */
  enqueuedAt: number;
  leaseOwner: string;
  leaseUntil: number;
}

export type JobKey = Pick<DeliveryJob, 'teamId' | 'channelId' | 'deploymentId'>;

/** The Slack message one channel shows for one deployment. */
export interface MessageRecord {
  teamId: string;
  channelId: string;
  deploymentId: string;
  /** Slack message ts; null until posted. */
  ts: string | null;
  /** Last status shown in the message ('started' | 'succeeded' | 'failed'). */
  shownStatus: string | null;
  /** Hash of the last rendered content, so an unchanged message is not updated again. */
  shownHash: string | null;
  /** Last status announced with a thread reply. */
  repliedStatus: string | null;
  updatedAt: number;
}

export interface QueueStats {
  /** Jobs waiting (pending, including leased). */
  depth: number;
  /** Age in ms of the oldest pending job's oldest event; 0 when empty. */
  oldestAgeMs: number;
}

/** A workspace's Bolt installation (multi-workspace mode). The JSON holds tokens: sealed at rest. */
export interface InstallationRecord {
  teamId: string;
  enterpriseId: string | null;
  /** Bolt's Installation object serialised as JSON (opened). */
  installationJson: string;
  botToken: string;
  botUserId: string | null;
  installedAt: number;
}

export interface WorkspaceApiKey {
  teamId: string;
  apiKey: string;
  /** A non-secret label of what the key sees, e.g. "3 projects (my-app, …)". */
  label: string | null;
  createdBy: string | null;
  createdAt: number;
}

/** Our webhook registrations with sota.io. */
export interface HookStore {
  getHook(id: string): Promise<Hook | undefined>;
  findHook(teamId: string, projectId: string): Promise<Hook | undefined>;
  /** Inserts a new active hook. Throws if (teamId, projectId) already has an active hook. */
  insertHook(hook: NewHook): Promise<Hook>;
  /** Marks a hook active again (re-use after it was retired while its remote webhook still exists). */
  reactivateHook(id: string): Promise<void>;
  retireHook(id: string, remoteDeleted: boolean): Promise<void>;
  setHookRemoteDeleted(id: string): Promise<void>;
}

/** Which channel follows which project, and with which events. */
export interface SubscriptionStore {
  /** Creates or updates (filter; resumes a paused one) the channel's subscription to a project. */
  upsertSubscription(sub: UpsertSubscription): Promise<{ created: boolean; subscription: Subscription }>;
  /** Removes it; returns the removed subscription or undefined when there was none. */
  deleteSubscription(teamId: string, channelId: string, projectId: string): Promise<Subscription | undefined>;
  getSubscription(teamId: string, channelId: string, projectId: string): Promise<Subscription | undefined>;
  listSubscriptions(filter: { teamId: string; channelId?: string }): Promise<Subscription[]>;
  countSubscriptionsForHook(hookId: string): Promise<number>;
  /**
   * Pauses subscriptions with a reason and cancels their queued jobs. Scope: one subscription
   * (`projectId`), every subscription of a channel (`channelId`), or the whole workspace.
   * Returns how many subscriptions changed from active to paused.
   */
  pauseSubscriptions(
    scope: { teamId: string; channelId?: string; projectId?: string },
    reason: string,
  ): Promise<number>;
}

/** Received events and the delivery queue they feed. */
export interface InboxStore {
  /**
   * Stores a verified event durably and, for 'deliver', queues a job per active subscription of
   * the hook whatever its filter, all in one transaction. A repeat of (hook, deployment, event) changes nothing.
   * Resolves only after the commit is durable. Implementations may group concurrent calls into
   * one transaction (group commit); each caller still resolves only after its own commit.
   */
  ingestEvent(input: IngestEvent): Promise<IngestResult>;
  /** Every stored event of one deployment received through a hook, oldest first. */
  listDeploymentEvents(hookId: string, deploymentId: string): Promise<StoredEvent[]>;
  countEvents(filter?: { hookId?: string }): Promise<number>;

  // delivery queue
  /**
   * Leases up to `limit` due jobs (pending, next attempt due, lease free or expired, workspace not
   * on hold) to `owner` until `now + leaseMs`. At most one job per channel is returned per call.
   */
  claimJobs(owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]>;
  /**
   * The worker's heartbeat: extends to `until` every lease `owner` still holds on a pending job, so
   * that short leases outlive long jobs while the owner lives. Returns how many leases it extended.
   */
  renewLeases(owner: string, until: number): Promise<number>;
  /**
   * Marks the job done if its version is still `version` and `owner` still holds the lease;
   * otherwise (a newer event arrived) releases the lease so it runs again at once.
   */
  completeJob(job: JobKey, owner: string, version: number): Promise<void>;
  /** Releases the lease and schedules the next attempt at `nextAttemptAt`, recording the error. */
  retryJob(
    job: JobKey,
    owner: string,
    nextAttemptAt: number,
    error: string,
    countAttempt: boolean,
  ): Promise<void>;
  /** Gives up on a job for good (permanent error or subscription gone). */
  dropJob(job: JobKey, owner: string, reason: string): Promise<void>;
  queueStats(now: number): Promise<QueueStats>;
  /** Holds every job of a workspace until `until` (Slack's Retry-After). Never shortens a hold. */
  holdWorkspace(teamId: string, until: number): Promise<void>;
  getWorkspaceHold(teamId: string): Promise<number>;
}

/** The Slack message each channel shows for each deployment. */
export interface MessageStore {
  getMessage(teamId: string, channelId: string, deploymentId: string): Promise<MessageRecord | undefined>;
  /** Creates or updates the record after a Slack call succeeded. Fields left undefined are kept. */
  saveMessage(
    rec: Pick<MessageRecord, 'teamId' | 'channelId' | 'deploymentId'> &
      Partial<Pick<MessageRecord, 'ts' | 'shownStatus' | 'shownHash' | 'repliedStatus'>>,
  ): Promise<void>;
  /** Most recent message updates per channel of a workspace (for the App Home tab). */
  lastDeliveries(teamId: string): Promise<Array<{ channelId: string; updatedAt: number }>>;
}

/** Installed workspaces, their sota.io API keys, and the key that seals every secret. */
export interface WorkspaceStore {
  saveInstallation(rec: InstallationRecord): Promise<void>;
  getInstallation(teamId: string): Promise<InstallationRecord | undefined>;
  setApiKey(key: WorkspaceApiKey): Promise<void>;
  getApiKey(teamId: string): Promise<WorkspaceApiKey | undefined>;
  deleteApiKey(teamId: string): Promise<boolean>;
  /**
   * Forgets a workspace (uninstall or tokens revoked): its installation, API key and subscriptions;
   * cancels its queued jobs; retires its hooks (they answer 410). Idempotent. Returns the hooks it retired.
   */
  forgetWorkspace(teamId: string): Promise<Hook[]>;
  /** Re-seals every secret with the current key; returns how many values were re-encrypted. */
  rotateSecrets(): Promise<number>;
  /** Opens every stored secret once; throws SecretBoxError if any cannot be opened with the configured keys. */
  verifySecrets(): Promise<void>;
}

/** One-time OAuth state of multi-workspace installs. */
export interface OAuthStateStore {
  saveOAuthState(state: string, payloadJson: string, expiresAt: number): Promise<void>;
  /** Returns the payload and deletes the state; undefined when unknown, used or expired. */
  consumeOAuthState(state: string, now: number): Promise<string | undefined>;
}

/** Who may press Redeploy / Roll back on a workspace's messages (default: off, no buttons shown). */
export type ActionAccess =
  | { mode: 'off' }
  | { mode: 'everyone' }
  /** Id-form mentions: `<@U…>` members and `<!subteam^S…>` user groups. */
  | { mode: 'members'; mentions: string[] };

export type DeploymentActionName = 'redeploy' | 'rollback';

/** One button of one message: what a press claims. */
export interface ActionPressKey {
  teamId: string;
  channelId: string;
  messageTs: string;
  action: DeploymentActionName;
}

/** A pressed action and its result, kept as a record of who did what. */
export interface ActionRecord extends ActionPressKey {
  projectId: string;
  deploymentId: string;
  userId: string;
  at: number;
  /** `started`, `conflict`, `not_live`, or `failed:<sota.io error code>`. */
  result: string;
  /** The deployment sota.io started, when it did. */
  newDeploymentId: string | null;
}

/** Redeploy / Roll back: who may press, one call per press, and the record of what was done. */
export interface ActionStore {
  /** Who may press Redeploy / Roll back in the workspace; `{ mode: 'off' }` when never set. */
  getActionAccess(teamId: string): Promise<ActionAccess>;
  setActionAccess(teamId: string, access: ActionAccess, setBy: string, at: number): Promise<void>;
  /**
   * Claims a press of one button of one message: true for the first press, false when the same
   * button was claimed less than `windowMs` before `now` (by anyone, on any instance).
   */
  claimActionPress(key: ActionPressKey, now: number, windowMs: number): Promise<boolean>;
  recordAction(record: ActionRecord): Promise<void>;
  /** A workspace's recorded actions, newest first. */
  listActions(teamId: string, limit?: number): Promise<ActionRecord[]>;
}

/** Who a channel mentions when a deployment of a project fails. */
export interface MentionStore {
  /** Id-form mentions (`<@U…>`, `<!subteam^S…>`, `<!here>`, `<!channel>`); [] when nobody. */
  getMentions(teamId: string, channelId: string, projectId: string): Promise<string[]>;
  /** Sets them; [] removes the setting. */
  setMentions(teamId: string, channelId: string, projectId: string, mentions: string[]): Promise<void>;
}

/** The whole store: every concern, and its lifecycle. A layer asks only for the parts it uses. */
export interface Store
  extends HookStore,
    SubscriptionStore,
    InboxStore,
    MessageStore,
    WorkspaceStore,
    OAuthStateStore,
    ActionStore,
    MentionStore,
    SignalStore {
  /** Runs pending numbered migrations (idempotent; safe with several instances starting). */
  migrate(): Promise<void>;
  /** Resolves when the store can answer a trivial query; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
