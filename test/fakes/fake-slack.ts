/**
 * A stand-in for the Slack Web API: a real node:http server on 127.0.0.1 (random port) for tests, the
 * demo and benchmarks. Point `@slack/web-api` at it with `slackApiUrl: fake.apiUrl` (`${fake.url}/api/`).
 *
 * Requests are what the client sends: `POST /api/<method>`, form-urlencoded (structured fields such as
 * `blocks`, `attachments`, `metadata` and `view` arrive as JSON text and are decoded) or JSON, the token as
 * `Authorization: Bearer …` or a `token` field. Answers are `{ ok: true, … }` or HTTP 200 `{ ok: false, error }`.
 *
 * Methods (fake-slack-methods.ts):
 * - chat.postMessage   a fresh, increasing `ts`; keeps the message (with `thread_ts` for thread replies)
 * - chat.update        applies `text`/`blocks` to the message, keeping earlier versions in `history`
 * - chat.postEphemeral kept in `ephemerals`
 * - auth.test, team.info  the identity of the token (`tokens`); an unknown token → `invalid_auth`
 * - conversations.info `channels[id]` or, when `channels` is not given, any id as a joined public channel
 * - views.open/push/publish/update  kept in `views` (publish by `user_id`, update by `view_id`/`external_id`)
 * - users.info         `users[id]` (`setUser`): admin/owner flags; any other member is a regular one
 * - usergroups.users.list  `usergroups[id]` (`setUsergroup`); an unknown group → `no_such_subteam`
 * - oauth.v2.access    `oauthAccess(params)` or a default bot install; the returned token becomes known
 * - anything else      `{ ok: true }`
 * Tokens: when `tokens` is given every method but oauth.v2.access needs a known token (`not_authed`,
 * `invalid_auth`; `revokeToken` → `token_revoked`); without it only auth.test checks.
 *
 * Every request, failed or not, is recorded in `calls` as `{ method, token, teamId, body, at, result,
 * answeredAt, abortedAt }`. Failure injection (fake-slack-failures.ts), checked before the method runs:
 * `failNext(methodOrPredicate, failure, times = 1)` and `failWhile(methodOrPredicate, failure)` (returns a
 * function that ends it; failNext rules go first), where failure is
 * - `{ error: 'not_in_channel' }`  HTTP 200 with ok:false
 * - `{ status: 503 }`              that HTTP status
 * - `{ rateLimit: seconds }`       HTTP 429 with Retry-After
 * - `{ delayMs }`, `{ gate: promise }`  answers normally once the time passed or the promise settled
 * - `{ hang: true }`               never answers (until the client gives up or the fake closes)
 * - `{ refuse: true }`             destroys the socket
 * `channelRateLimit: { perSecond, burst }` answers 429 with Retry-After when one channel is called faster
 * than that. Any call to a workspace before its last Retry-After expired is recorded in `earlyCalls`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  applyFailure,
  createChannelLimiter,
  createFailureRules,
  createRetryAfterBook,
} from './fake-slack-failures.js';
import { decodeBody, readAll, send, tokenOf } from './fake-slack-http.js';
import { type FakeSlackState, routeFakeSlack } from './fake-slack-methods.js';
import type { FakeSlack, FakeSlackCall, FakeSlackOptions } from './fake-slack-types.js';

export type {
  FakeSlack,
  FakeSlackCall,
  FakeSlackChannel,
  FakeSlackFailure,
  FakeSlackIdentity,
  FakeSlackMatcher,
  FakeSlackMessage,
  FakeSlackOptions,
  FakeSlackUser,
  FakeSlackView,
} from './fake-slack-types.js';

function createState(options: FakeSlackOptions): FakeSlackState {
  let seq = 0;
  return {
    options,
    identities: new Map(Object.entries(options.tokens ?? {})),
    revoked: new Set(),
    messages: new Map(),
    ephemerals: [],
    views: [],
    users: new Map(Object.entries(options.users ?? {})),
    usergroups: new Map(Object.entries(options.usergroups ?? {})),
    nextTs() {
      seq += 1;
      return `${1_700_000_000 + seq}.${String(seq % 1_000_000).padStart(6, '0')}`;
    },
  };
}

function trackAnswer(call: FakeSlackCall, res: ServerResponse, now: () => number): void {
  res.on('finish', () => {
    call.answeredAt = now();
  });
  res.on('close', () => {
    if (!res.writableFinished) call.abortedAt = now();
  });
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const state = createState(options);
  const calls: FakeSlackCall[] = [];
  const earlyCalls: FakeSlackCall[] = [];
  const rules = createFailureRules();
  const limiter = createChannelLimiter(options.channelRateLimit);
  const retryAfter = createRetryAfterBook();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = /^\/api\/([A-Za-z0-9_.]+)$/.exec(req.url?.split('?')[0] ?? '')?.[1];
    const raw = await readAll(req);
    if (req.method !== 'POST' || !method) return send(res, 404, { ok: false, error: 'unknown_method' });
    const body = decodeBody(raw, req.headers['content-type']);
    const token = tokenOf(req, body);
    const teamId = token ? state.identities.get(token)?.teamId : undefined;
    const call: FakeSlackCall = { method, token, teamId, body, at: now() };
    calls.push(call);
    trackAnswer(call, res, now);
    if (retryAfter.isEarly(call)) earlyCalls.push(call);
    const failure = rules.take(call);
    if (failure && (await applyFailure(failure, call, res, retryAfter.answer429))) return;
    const wait = limiter.over(call);
    if (wait !== undefined) return retryAfter.answer429(call, res, wait);
    const reply = routeFakeSlack(state, call);
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
  const inChannel = (channel: string) => state.messages.get(channel) ?? [];

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    earlyCalls,
    ephemerals: state.ephemerals,
    views: state.views,
    messages: state.messages,
    messagesIn: (channel) => inChannel(channel).filter((m) => !m.thread_ts),
    threadReplies: (channel, ts) => inChannel(channel).filter((m) => m.thread_ts === ts),
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(match, failure, times = 1) {
      rules.add(match, failure, times);
    },
    failWhile: (match, failure) => rules.add(match, failure, Number.POSITIVE_INFINITY),
    clearFailures: () => rules.clear(),
    addToken(token, identity) {
      state.identities.set(token, identity);
      state.revoked.delete(token);
    },
    revokeToken(token) {
      state.revoked.add(token);
    },
    setUser(userId, user) {
      state.users.set(userId, user);
    },
    setUsergroup(groupId, members) {
      state.usergroups.set(groupId, members);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
