/** Shapes shared by the fake Slack Web API server (see fake-slack.ts). */

export interface FakeSlackIdentity {
  teamId: string;
  userId: string;
  botId: string;
  teamName?: string;
}

export interface FakeSlackChannel {
  name?: string;
  isMember?: boolean;
  isArchived?: boolean;
  isPrivate?: boolean;
}

/** What users.info says about a member (an unknown member is a regular one). */
export interface FakeSlackUser {
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
}

export interface FakeSlackOptions {
  tokens?: Record<string, FakeSlackIdentity>;
  users?: Record<string, FakeSlackUser>;
  /** usergroups.users.list: the members of each user group id (an unknown group → `no_such_subteam`). */
  usergroups?: Record<string, string[]>;
  channels?: Record<string, FakeSlackChannel>;
  /** What oauth.v2.access answers (merged over `{ ok: true }`); its `access_token` becomes a known token. */
  oauthAccess?: (params: Record<string, unknown>) => Record<string, unknown>;
  channelRateLimit?: { perSecond: number; burst: number };
  /** Clock for `at` and rate limits (default Date.now). */
  now?: () => number;
}

export interface FakeSlackCall {
  method: string;
  token: string | undefined;
  /** The token's team, when the token is known. */
  teamId: string | undefined;
  body: Record<string, unknown>;
  /** Arrival time (epoch ms). */
  at: number;
  /** 'ok', the error code answered, or 'http_<status>' / 'rate_limited' / 'hang' / 'refused'. */
  result?: string;
  /** When the answer was sent; undefined while hanging or when the socket was refused. */
  answeredAt?: number;
  /** When the connection closed with no answer sent (the client gave up, or `refuse`). */
  abortedAt?: number;
}

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text?: unknown;
  blocks?: unknown;
  thread_ts?: string;
  metadata?: unknown;
  teamId: string | undefined;
  postedAt: number;
  updatedAt: number;
  /** Earlier versions, oldest first, each replaced by a chat.update. */
  history: Array<{ text?: unknown; blocks?: unknown; at: number }>;
}

export interface FakeSlackView {
  id: string;
  method: string;
  userId?: string;
  externalId?: string;
  view: unknown;
  at: number;
}

export type FakeSlackFailure =
  | { error: string }
  | { status: number }
  | { rateLimit: number }
  | { delayMs: number }
  | { gate: Promise<unknown> }
  | { hang: true }
  | { refuse: true };

export type FakeSlackMatcher = string | ((call: FakeSlackCall) => boolean);

export interface FakeSlack {
  /** e.g. `http://127.0.0.1:54321` */
  readonly url: string;
  /** `${url}/api/`, the value for `slackApiUrl`. */
  readonly apiUrl: string;
  readonly calls: FakeSlackCall[];
  readonly earlyCalls: FakeSlackCall[];
  readonly ephemerals: Array<Record<string, unknown>>;
  readonly views: FakeSlackView[];
  /** Every message (top-level and replies) per channel, in posting order. */
  readonly messages: ReadonlyMap<string, FakeSlackMessage[]>;
  /** Top-level messages of a channel, in posting order, with updates applied. */
  messagesIn(channel: string): FakeSlackMessage[];
  threadReplies(channel: string, ts: string): FakeSlackMessage[];
  callsTo(method: string): FakeSlackCall[];
  failNext(match: FakeSlackMatcher, failure: FakeSlackFailure, times?: number): void;
  failWhile(match: FakeSlackMatcher, failure: FakeSlackFailure): () => void;
  clearFailures(): void;
  addToken(token: string, identity: FakeSlackIdentity): void;
  revokeToken(token: string): void;
  /** Sets what users.info answers for a member. */
  setUser(userId: string, user: FakeSlackUser): void;
  /** Sets the members of a user group. */
  setUsergroup(groupId: string, members: string[]): void;
  close(): Promise<void>;
}

export type FakeSlackReply = Record<string, unknown> & { ok: boolean };
