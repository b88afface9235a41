/**
 * A stand-in for the Slack Web API: a real node:http server on 127.0.0.1 (random port) for tests, the
 * demo and benchmarks. Point `@slack/web-api` at it with `slackApiUrl: fake.apiUrl` (`${fake.url}/api/`).
 *
 * Requests are what the client sends: `POST /api/<method>`, form-urlencoded (structured fields such as
 * `blocks`, `attachments`, `metadata` and `view` arrive as JSON text and are decoded) or JSON, the token as
 * `Authorization: Bearer …` or a `token` field. Answers are `{ ok: true, … }` or HTTP 200 `{ ok: false, error }`.
 *
 * Methods:
 * - chat.postMessage   a fresh, increasing `ts`; keeps the message (with `thread_ts` for thread replies)
 * - chat.update        applies `text`/`blocks` to the message, keeping earlier versions in `history`
 * - chat.postEphemeral kept in `ephemerals`
 * - auth.test          the identity of the token (`tokens`); an unknown token → `invalid_auth`
 * - conversations.info `channels[id]` or, when `channels` is not given, any id as a joined public channel
 * - views.open/publish/update  kept in `views` (publish by `user_id`, update by `view_id` or `external_id`)
 * - oauth.v2.access    `oauthAccess(params)` or a default bot install; the returned token becomes known
 * - team.info          the token's team
 * - anything else      `{ ok: true }`
 * Tokens: when `tokens` is given every method but oauth.v2.access needs a known token (`not_authed`,
 * `invalid_auth`; `revokeToken` → `token_revoked`); without it only auth.test checks.
 *
 * Every request is recorded in `calls` as `{ method, token, teamId, body, at, result, answeredAt,
 * abortedAt }`
 * (failed ones too).
 * Failure injection, checked before the method runs: `failNext(methodOrPredicate, failure, times = 1)` and
 * `failWhile(predicate, failure)` (returns a function that ends it), where failure is
 * `{ error: 'not_in_channel' }` (HTTP 200, ok:false) | `{ status: 503 }` | `{ rateLimit: seconds }` (429 with
 * Retry-After) | `{ delayMs }` or `{ gate: promise }` (answers normally later, once the time passed or the
 * promise settled) | `{ hang: true }` (never answers) | `{ refuse: true }`
 * (destroys the socket). `channelRateLimit: { perSecond, burst }` answers 429 with Retry-After when one
 * channel is called faster than that. Any call to a workspace before its last Retry-After expired is also
 * recorded in `earlyCalls`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export interface FakeSlackOptions {
  tokens?: Record<string, FakeSlackIdentity>;
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
  close(): Promise<void>;
}

type Reply = Record<string, unknown> & { ok: boolean };
type Rule = { match: FakeSlackMatcher; failure: FakeSlackFailure; left: number };

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'user_auth_blocks']);
const ANY_TOKEN_METHODS = new Set(['oauth.v2.access', 'oauth.access', 'api.test']);

function decodeBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw || '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = value;
    if (!JSON_FIELDS.has(key)) continue;
    try {
      body[key] = JSON.parse(value);
    } catch {
      // keep the text as sent
    }
  }
  return body;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function tokenOf(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return typeof body.token === 'string' ? body.token : undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const identities = new Map(Object.entries(options.tokens ?? {}));
  const strictTokens = options.tokens !== undefined;
  const revoked = new Set<string>();
  const calls: FakeSlackCall[] = [];
  const earlyCalls: FakeSlackCall[] = [];
  const ephemerals: Array<Record<string, unknown>> = [];
  const views: FakeSlackView[] = [];
  const messages = new Map<string, FakeSlackMessage[]>();
  const retryUntil = new Map<string, number>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const hung = new Set<ServerResponse>();
  let rules: Rule[] = [];
  let seq = 0;

  const nextTs = () => {
    seq += 1;
    return `${1_700_000_000 + seq}.${String(seq % 1_000_000).padStart(6, '0')}`;
  };
  const teamKey = (call: FakeSlackCall) => call.teamId ?? call.token ?? '-';
  const matches = (m: FakeSlackMatcher, call: FakeSlackCall) =>
    typeof m === 'string' ? m === call.method : m(call);

  /** `failNext` rules first (oldest first), then `failWhile` rules. */
  function takeFailure(call: FakeSlackCall): FakeSlackFailure | undefined {
    const live = rules.filter((r) => r.left > 0 && matches(r.match, call));
    const rule = live.find((r) => Number.isFinite(r.left)) ?? live[0];
    if (!rule) return undefined;
    rule.left -= 1;
    rules = rules.filter((r) => r.left > 0);
    return rule.failure;
  }

  /** Token bucket per channel; returns the seconds to wait when the call is over the limit. */
  function overChannelLimit(call: FakeSlackCall): number | undefined {
    const limit = options.channelRateLimit;
    const channel = str(call.body.channel);
    if (!limit || !channel) return undefined;
    const b = buckets.get(channel) ?? { tokens: limit.burst, at: call.at };
    b.tokens = Math.min(limit.burst, b.tokens + ((call.at - b.at) / 1000) * limit.perSecond);
    b.at = call.at;
    buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
  }

  function rateLimit(call: FakeSlackCall, res: ServerResponse, seconds: number): void {
    const until = call.at + seconds * 1000;
    retryUntil.set(teamKey(call), Math.max(until, retryUntil.get(teamKey(call)) ?? 0));
    call.result = 'rate_limited';
    send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
  }

  /** Applies an injected failure; false when the request should still be answered normally. */
  async function applyFailure(
    f: FakeSlackFailure,
    call: FakeSlackCall,
    res: ServerResponse,
  ): Promise<boolean> {
    if ('delayMs' in f || 'gate' in f) {
      await ('gate' in f ? f.gate.catch(() => {}) : new Promise((r) => setTimeout(r, f.delayMs)));
      return false;
    }
    if ('error' in f) {
      call.result = f.error;
      send(res, 200, { ok: false, error: f.error });
    } else if ('status' in f) {
      call.result = `http_${f.status}`;
      send(res, f.status, 'fake Slack failure');
    } else if ('rateLimit' in f) {
      rateLimit(call, res, f.rateLimit);
    } else if ('hang' in f) {
      call.result = 'hang';
      hung.add(res);
      res.on('close', () => hung.delete(res));
    } else {
      call.result = 'refused';
      res.socket?.destroy();
    }
    return true;
  }

  function authError(call: FakeSlackCall): string | undefined {
    if (ANY_TOKEN_METHODS.has(call.method)) return undefined;
    if (!strictTokens && call.method !== 'auth.test') return undefined;
    if (!call.token) return 'not_authed';
    if (revoked.has(call.token)) return 'token_revoked';
    return identities.has(call.token) ? undefined : 'invalid_auth';
  }

  function postMessage(call: FakeSlackCall): Reply {
    const channel = str(call.body.channel);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (call.body.text === undefined && call.body.blocks === undefined)
      return { ok: false, error: 'no_text' };
    const { text, blocks, metadata } = call.body;
    const msg: FakeSlackMessage = {
      channel,
      ts: nextTs(),
      text,
      blocks,
      metadata,
      teamId: call.teamId,
      postedAt: call.at,
      updatedAt: call.at,
      history: [],
    };
    const threadTs = str(call.body.thread_ts);
    if (threadTs) msg.thread_ts = threadTs;
    messages.set(channel, [...(messages.get(channel) ?? []), msg]);
    return { ok: true, channel, ts: msg.ts, message: { type: 'message', text, blocks, ts: msg.ts } };
  }

  function update(call: FakeSlackCall): Reply {
    const channel = str(call.body.channel) ?? '';
    const msg = messages.get(channel)?.find((m) => m.ts === call.body.ts);
    if (!msg) return { ok: false, error: 'message_not_found' };
    msg.history.push({ text: msg.text, blocks: msg.blocks, at: msg.updatedAt });
    if (call.body.text !== undefined) msg.text = call.body.text;
    if (call.body.blocks !== undefined) msg.blocks = call.body.blocks;
    msg.updatedAt = call.at;
    return { ok: true, channel, ts: msg.ts, text: msg.text, message: { text: msg.text, blocks: msg.blocks } };
  }

  function conversationsInfo(call: FakeSlackCall): Reply {
    const id = str(call.body.channel) ?? '';
    const known = options.channels?.[id];
    if (options.channels && !known) return { ok: false, error: 'channel_not_found' };
    const c = known ?? {};
    const channel = {
      id,
      name: c.name ?? id.toLowerCase(),
      is_channel: !c.isPrivate,
      is_private: c.isPrivate ?? false,
      is_member: c.isMember ?? true,
      is_archived: c.isArchived ?? false,
    };
    return { ok: true, channel };
  }

  function view(call: FakeSlackCall): Reply {
    const userId = str(call.body.user_id);
    const externalId = str(call.body.external_id);
    const existing = views.find(
      (v) =>
        (call.method === 'views.update' &&
          (v.id === call.body.view_id || (externalId && v.externalId === externalId))) ||
        (call.method === 'views.publish' && v.method === 'views.publish' && v.userId === userId),
    );
    const record: FakeSlackView = existing ?? {
      id: `V${String(views.length + 1).padStart(8, '0')}`,
      method: call.method,
      view: undefined,
      at: call.at,
    };
    record.view = call.body.view;
    record.at = call.at;
    if (userId) record.userId = userId;
    if (externalId) record.externalId = externalId;
    if (!existing) views.push(record);
    const body = typeof record.view === 'object' && record.view !== null ? record.view : {};
    return { ok: true, view: { ...body, id: record.id } };
  }

  function oauthAccess(call: FakeSlackCall): Reply {
    const answer = options.oauthAccess?.(call.body) ?? {
      access_token: `xoxb-fake-${seq + 1}`,
      token_type: 'bot',
      scope: 'chat:write,commands',
      bot_user_id: 'UFAKEBOT',
      app_id: 'AFAKEAPP',
      team: { id: 'TFAKE', name: 'Fake Team' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UFAKEUSER' },
    };
    const reply: Reply = { ok: true, ...answer };
    const team = reply.team as { id?: string; name?: string } | undefined;
    if (reply.ok && typeof reply.access_token === 'string' && team?.id) {
      const userId = String(reply.bot_user_id ?? 'UFAKEBOT');
      identities.set(reply.access_token, {
        teamId: team.id,
        userId,
        botId: 'BFAKEBOT',
        teamName: team.name ?? team.id,
      });
    }
    seq += 1;
    return reply;
  }

  function route(call: FakeSlackCall): Reply {
    const denied = authError(call);
    if (denied) return { ok: false, error: denied };
    const me = call.token ? identities.get(call.token) : undefined;
    switch (call.method) {
      case 'chat.postMessage':
        return postMessage(call);
      case 'chat.update':
        return update(call);
      case 'chat.postEphemeral':
        ephemerals.push(call.body);
        return { ok: true, message_ts: nextTs() };
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: me?.teamName ?? me?.teamId,
          user: 'sota',
          team_id: me?.teamId,
          user_id: me?.userId,
          bot_id: me?.botId,
          is_enterprise_install: false,
        };
      case 'conversations.info':
        return conversationsInfo(call);
      case 'views.open':
      case 'views.push':
      case 'views.publish':
      case 'views.update':
        return view(call);
      case 'oauth.v2.access':
        return oauthAccess(call);
      case 'team.info':
        return { ok: true, team: { id: me?.teamId, name: me?.teamName ?? me?.teamId, domain: 'fake' } };
      default:
        return { ok: true };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = /^\/api\/([A-Za-z0-9_.]+)$/.exec(req.url?.split('?')[0] ?? '')?.[1];
    const raw = await readAll(req);
    if (req.method !== 'POST' || !method) return send(res, 404, { ok: false, error: 'unknown_method' });
    const body = decodeBody(raw, req.headers['content-type']);
    const token = tokenOf(req, body);
    const call: FakeSlackCall = {
      method,
      token,
      teamId: token ? identities.get(token)?.teamId : undefined,
      body,
      at: now(),
    };
    calls.push(call);
    res.on('finish', () => {
      call.answeredAt = now();
    });
    res.on('close', () => {
      if (!res.writableFinished) call.abortedAt = now();
    });
    if ((retryUntil.get(teamKey(call)) ?? 0) > call.at) earlyCalls.push(call);
    const failure = takeFailure(call);
    if (failure && (await applyFailure(failure, call, res))) return;
    const wait = overChannelLimit(call);
    if (wait !== undefined) return rateLimit(call, res, wait);
    const reply = route(call);
    call.result = reply.ok ? 'ok' : String(reply.error);
    send(res, 200, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'fake Slack error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const topLevel = (channel: string) => (messages.get(channel) ?? []).filter((m) => !m.thread_ts);

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    earlyCalls,
    ephemerals,
    views,
    messages,
    messagesIn: topLevel,
    threadReplies: (channel, ts) => (messages.get(channel) ?? []).filter((m) => m.thread_ts === ts),
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(match, failure, times = 1) {
      rules.push({ match, failure, left: times });
    },
    failWhile(match, failure) {
      const rule: Rule = { match, failure, left: Number.POSITIVE_INFINITY };
      rules.push(rule);
      return () => {
        rules = rules.filter((r) => r !== rule);
      };
    },
    clearFailures() {
      rules = [];
    },
    addToken(token, identity) {
      identities.set(token, identity);
      revoked.delete(token);
    },
    revokeToken(token) {
      revoked.add(token);
    },
    close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
