/**
 * The storage interface, split by concern so that each layer asks only for the part it uses; one
 * query layer (queries/) serves SQLite and PostgreSQL, and test/store/contract.ts runs the same cases
 * on both. Secrets are sealed with the SecretBox before they reach a row and opened on the way out.
 * Times are epoch milliseconds unless the name says ISO.
 */

import type { KnownEvent } from '../sota/event.js';
import type { SignalStore } from './signal-types.js';

/** Our record of one webhook registered with sota.io: one per workspace and project. */
export interface Hook {
  /** The last segment of `${PUBLIC_URL}/webhooks/sota/<id>` (random, url-safe). */
  id: string;
  teamId: string;
  projectId: string;
  projectName: string | null;
  projectSlug: string | null;
  /** The id sota.io gave the webhook (null only while registration is being recorded). */
  sotaWebhookId: string | null;
  /** The `whsec_…` signing secret, opened. */
  secret: string;
  /** 'retired' answers 410 (no channel uses it any more). */
  status: 'active' | 'retired';
  /** sota.io confirmed the remote webhook is gone. */
  remoteDeleted: boolean;
  createdAt: number;
}

export type NewHook = Pick<Hook, 'id' | 'teamId' | 'projectId' | 'projectName' | 'projectSlug' | 'secret'> & {
  sotaWebhookId: string;
};

export interface Subscription {
  teamId: string;
  channelId: string;
  projectId: string;
  hookId: string;
  /** Which events this channel wants (a subset of the three). */
  events: KnownEvent[];
  state: 'active' | 'paused';
  /** Why it is paused (a Slack error code such as `not_in_channel`); null when active. */
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
 * 'deliver': queue a job for every active subscription of the hook (the worker applies each filter);
 * 'stale' (older than the freshness bound) and 'unknown' (unknown event name): recorded only.
 */
export type EventDisposition = 'deliver' | 'stale' | 'unknown';

/** A received, verified event; `payload` is the raw body, `occurredAt` the payload's ISO time. */
export interface IngestEvent {
  hookId: string;
  projectId: string;
  deploymentId: string;
  event: string;
  occurredAt: string;
  receivedAt: number;
  payload: string;
  disposition: EventDisposition;
}

/** `duplicate`: (hook, deployment, event) was already stored; `enqueued`: jobs queued or refreshed. */
export interface IngestResult {
  duplicate: boolean;
  enqueued: number;
}

export type StoredEvent = IngestEvent;

/** One failed deployment as received through a hook, and the workspace the hook belongs to. */
export interface FailureRef {
  teamId: string;
  hookId: string;
  projectId: string;
  deploymentId: string;
}

/**
 * One job per (workspace, channel, deployment): bring that channel's message for the deployment up
 * to date. New events bump `version` instead of adding rows, so queued updates coalesce.
 * `enqueuedAt` is when the oldest unhandled event of the job was received.
 */
export interface DeliveryJob {
  teamId: string;
  channelId: string;
  deploymentId: string;
  hookId: string;
  projectId: string;
  version: number;
  attempts: number;
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
  /** Last status shown ('started' | 'succeeded' | 'failed'). */
  shownStatus: string | null;
  /** Hash of the last rendered content, so an unchanged message is not updated again. */
  shownHash: string | null;
  /** Last status announced with a thread reply. */
  repliedStatus: string | null;
  updatedAt: number;
}

/** Pending jobs (leased ones too), and the age of the oldest one's oldest event (0 when none). */
export interface QueueStats {
  depth: number;
  oldestAgeMs: number;
}

/** A workspace's Bolt installation: `installationJson` is Bolt's Installation as JSON (opened). */
export interface InstallationRecord {
  teamId: string;
  enterpriseId: string | null;
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
  /** The active hook; else the newest retired one whose remote webhook may be re-used. */
  findHook(teamId: string, projectId: string): Promise<Hook | undefined>;
  /** Throws if (teamId, projectId) already has an active hook. */
  insertHook(hook: NewHook): Promise<Hook>;
  reactivateHook(id: string): Promise<void>;
  retireHook(id: string, remoteDeleted: boolean): Promise<void>;
  setHookRemoteDeleted(id: string): Promise<void>;
}

/** Which channel follows which project, and with which events. */
export interface SubscriptionStore {
  /** Creates it, or updates filter, mode and hook and resumes it when paused. */
  upsertSubscription(sub: UpsertSubscription): Promise<{ created: boolean; subscription: Subscription }>;
  deleteSubscription(teamId: string, channelId: string, projectId: string): Promise<Subscription | undefined>;
  getSubscription(teamId: string, channelId: string, projectId: string): Promise<Subscription | undefined>;
  listSubscriptions(filter: { teamId: string; channelId?: string }): Promise<Subscription[]>;
  countSubscriptionsForHook(hookId: string): Promise<number>;
  /**
   * Pauses the active subscriptions of one project, one channel or the whole workspace and cancels
   * their queued jobs; returns how many it paused.
   */
  pauseSubscriptions(
    scope: { teamId: string; channelId?: string; projectId?: string },
    reason: string,
  ): Promise<number>;
}

/** Received events and the delivery queue they feed. */
export interface InboxStore {
  /**
   * Stores a verified event and, for 'deliver', queues a job per active subscription of the hook, in
   * one transaction; a repeat changes nothing. Resolves once the commit is durable (concurrent calls
   * may share one commit).
   */
  ingestEvent(input: IngestEvent): Promise<IngestResult>;
  /** Every stored event of one deployment received through a hook, oldest first. */
  listDeploymentEvents(hookId: string, deploymentId: string): Promise<StoredEvent[]>;
  countEvents(filter?: { hookId?: string }): Promise<number>;
  /**
   * Failures (`deploy.failed`, to be delivered) received since `since` through an active hook whose
   * deployment has none of the `unlessRecorded` events: at most `limit`, oldest first.
   */
  listRecentFailures(since: number, unlessRecorded: readonly string[], limit: number): Promise<FailureRef[]>;
  /**
   * Leases up to `limit` due jobs (pending, due, lease free or expired, workspace not on hold) to
   * `owner` until `now + leaseMs`, at most one per channel.
   */
  claimJobs(owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]>;
  /** The worker's heartbeat: extends every lease `owner` holds to `until`; returns how many. */
  renewLeases(owner: string, until: number): Promise<number>;
  /** Done if its version is still `version`; else (a newer event came) released to run again at once. */
  completeJob(job: JobKey, owner: string, version: number): Promise<void>;
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
  /** Holds every job of a workspace until `until` (Slack's Retry-After); never shortens a hold. */
  holdWorkspace(teamId: string, until: number): Promise<void>;
  getWorkspaceHold(teamId: string): Promise<number>;
}

/** The Slack message each channel shows for each deployment. */
export interface MessageStore {
  getMessage(teamId: string, channelId: string, deploymentId: string): Promise<MessageRecord | undefined>;
  /** Creates or updates the record after a Slack call succeeded; fields left undefined are kept. */
  saveMessage(
    rec: JobKey & Partial<Pick<MessageRecord, 'ts' | 'shownStatus' | 'shownHash' | 'repliedStatus'>>,
  ): Promise<void>;
  /** The last message update of each channel of a workspace (for the App Home tab). */
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
   * Forgets a workspace (uninstall or tokens revoked): its installation, key, subscriptions and
   * settings; cancels its jobs; retires its hooks and returns them. Idempotent.
   */
  forgetWorkspace(teamId: string): Promise<Hook[]>;
  /** Re-seals every secret with the current key; returns how many. */
  rotateSecrets(): Promise<number>;
  /** Throws SecretBoxError if any stored secret does not open with the configured keys. */
  verifySecrets(): Promise<void>;
}

/** One-time OAuth state of multi-workspace installs. */
export interface OAuthStateStore {
  saveOAuthState(state: string, payloadJson: string, expiresAt: number): Promise<void>;
  /** Returns the payload and deletes the state; undefined when unknown, used or expired. */
  consumeOAuthState(state: string, now: number): Promise<string | undefined>;
}

/** Who may press Redeploy / Roll back (default off); `mentions` are `<@U…>` and `<!subteam^S…>`. */
export type ActionAccess = { mode: 'off' } | { mode: 'everyone' } | { mode: 'members'; mentions: string[] };

export type DeploymentActionName = 'redeploy' | 'rollback';

/** One button of one message: what a press claims. */
export interface ActionPressKey {
  teamId: string;
  channelId: string;
  messageTs: string;
  action: DeploymentActionName;
}

/** A pressed action and its result (`started`, `conflict`, `not_live` or `failed:<code>`). */
export interface ActionRecord extends ActionPressKey {
  projectId: string;
  deploymentId: string;
  userId: string;
  at: number;
  result: string;
  /** The deployment sota.io started, when it did. */
  newDeploymentId: string | null;
}

/** Redeploy / Roll back: who may press, one call per press, and the record of what was done. */
export interface ActionStore {
  getActionAccess(teamId: string): Promise<ActionAccess>;
  setActionAccess(teamId: string, access: ActionAccess, setBy: string, at: number): Promise<void>;
  /** True for the first press; false when the button was claimed less than `windowMs` before `now`. */
  claimActionPress(key: ActionPressKey, now: number, windowMs: number): Promise<boolean>;
  recordAction(record: ActionRecord): Promise<void>;
  /** Newest first. */
  listActions(teamId: string, limit?: number): Promise<ActionRecord[]>;
}

/** Who a channel mentions when a deployment of a project fails: id-form mentions, [] for nobody. */
export interface MentionStore {
  getMentions(teamId: string, channelId: string, projectId: string): Promise<string[]>;
  /** [] removes the setting. */
  setMentions(teamId: string, channelId: string, projectId: string, mentions: string[]): Promise<void>;
}

/** The whole store: every concern, and its lifecycle. */
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
  /** Rejects unless the store answers a trivial query (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
