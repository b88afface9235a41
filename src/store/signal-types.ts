/** What a channel hears beyond deployment messages: mutes, daily digests, and notices sent once. */

/** `target` is a project id, or `*` for every project of the channel. */
export interface Mute {
  teamId: string;
  channelId: string;
  target: string;
  mutedAt: number;
  until: number;
  createdBy: string | null;
}

export const MUTE_ALL = '*';

export interface DigestSetting {
  teamId: string;
  channelId: string;
  /** `HH:MM`, local time in `timeZone`. */
  time: string;
  timeZone: string;
  createdBy: string | null;
  updatedAt: number;
}

export type NoticeKind = 'mute_summary' | 'digest' | 'pause_notice';

/**
 * A message posted once: its key is the claim (`digest:T:C:2026-03-02`), so only the instance that
 * inserts it first sends it; `message` null claims with nothing to send. `channelId` may be a user's.
 */
export interface NewNotice {
  key: string;
  teamId: string;
  channelId: string;
  kind: NoticeKind;
  message: { text: string; blocks: unknown[] } | null;
  createdAt: number;
}

export interface Notice extends NewNotice {
  state: 'pending' | 'sent' | 'skipped' | 'dropped';
  attempts: number;
  ts: string | null;
  lastError: string | null;
}

/** One stored event of a hook, as the deployment history needs it. */
export interface HookEvent {
  deploymentId: string;
  event: string;
  occurredAt: string;
}

export interface SignalStore {
  /** Mutes (or extends) a target; a running mute keeps its start, so one summary covers it all. */
  setMute(mute: Mute): Promise<Mute>;
  listMutes(filter: { teamId: string; channelId?: string }): Promise<Mute[]>;
  /** Mutes whose time is up at `now`, oldest first. */
  listEndedMutes(now: number, limit: number): Promise<Mute[]>;
  /** Ends the mute begun at `mutedAt` and claims its summary, in one transaction; false if it had ended. */
  endMute(
    mute: Pick<Mute, 'teamId' | 'channelId' | 'target' | 'mutedAt'>,
    summary: NewNotice,
  ): Promise<boolean>;

  setDigest(digest: DigestSetting): Promise<void>;
  deleteDigest(teamId: string, channelId: string): Promise<boolean>;
  getDigest(teamId: string, channelId: string): Promise<DigestSetting | undefined>;
  listDigests(): Promise<DigestSetting[]>;

  /** Inserts the notice unless its key is already claimed; true when this call claimed it. */
  claimNotice(notice: NewNotice): Promise<boolean>;
  getNotice(key: string): Promise<Notice | undefined>;
  /** Leases up to `limit` pending notices that are due, to `owner` until `now + leaseMs`. */
  leaseNotices(owner: string, now: number, leaseMs: number, limit: number): Promise<Notice[]>;
  finishNotice(key: string, owner: string, result: { ts: string } | { error: string }): Promise<void>;
  retryNotice(key: string, owner: string, nextAttemptAt: number, error: string): Promise<void>;

  /** A hook's delivered events of known names, newest first, at most `limit`. */
  listHookEvents(hookId: string, limit: number): Promise<HookEvent[]>;
  /** The last Slack error of each project's deliveries in a channel (queue errors, not drops). */
  lastDeliveryErrors(teamId: string, channelId: string): Promise<Map<string, string>>;
  /** Records a project's current name and slug from sota.io on its hook. */
  renameHookProject(
    hookId: string,
    name: string | null,
    slug: string | null,
    checkedAt: number,
  ): Promise<void>;
  /** Active hooks whose names were last checked before `before` (or never), oldest first. */
  listHooksToRefresh(
    before: number,
    limit: number,
  ): Promise<Array<{ id: string; teamId: string; projectId: string }>>;
}
