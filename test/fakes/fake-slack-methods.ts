/** The Web API methods the fake Slack server implements, over its in-memory state (see fake-slack.ts). */

import { type FakeSlackPeople, usergroupUsers, usersInfo } from './fake-slack-people.js';
import type {
  FakeSlackCall,
  FakeSlackIdentity,
  FakeSlackMessage,
  FakeSlackOptions,
  FakeSlackView,
  FakeSlackReply as Reply,
} from './fake-slack-types.js';

export interface FakeSlackState extends FakeSlackPeople {
  options: FakeSlackOptions;
  identities: Map<string, FakeSlackIdentity>;
  revoked: Set<string>;
  messages: Map<string, FakeSlackMessage[]>;
  ephemerals: Array<Record<string, unknown>>;
  views: FakeSlackView[];
  /** A fresh ts, increasing with every call. */
  nextTs(): string;
}

const ANY_TOKEN_METHODS = new Set(['oauth.v2.access', 'oauth.access', 'api.test']);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function authError(s: FakeSlackState, call: FakeSlackCall): string | undefined {
  if (ANY_TOKEN_METHODS.has(call.method)) return undefined;
  if (s.options.tokens === undefined && call.method !== 'auth.test') return undefined;
  if (!call.token) return 'not_authed';
  if (s.revoked.has(call.token)) return 'token_revoked';
  return s.identities.has(call.token) ? undefined : 'invalid_auth';
}

function postMessage(s: FakeSlackState, call: FakeSlackCall): Reply {
  const channel = str(call.body.channel);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const { text, blocks, metadata } = call.body;
  if (text === undefined && blocks === undefined) return { ok: false, error: 'no_text' };
  const ts = s.nextTs();
  const msg: FakeSlackMessage = {
    ...{ channel, ts, text, blocks, metadata, teamId: call.teamId },
    ...{ postedAt: call.at, updatedAt: call.at, history: [] },
  };
  const threadTs = str(call.body.thread_ts);
  if (threadTs) msg.thread_ts = threadTs;
  s.messages.set(channel, [...(s.messages.get(channel) ?? []), msg]);
  return { ok: true, channel, ts, message: { type: 'message', text, blocks, ts } };
}

function update(s: FakeSlackState, call: FakeSlackCall): Reply {
  const channel = str(call.body.channel) ?? '';
  const msg = s.messages.get(channel)?.find((m) => m.ts === call.body.ts);
  if (!msg) return { ok: false, error: 'message_not_found' };
  msg.history.push({ text: msg.text, blocks: msg.blocks, at: msg.updatedAt });
  if (call.body.text !== undefined) msg.text = call.body.text;
  if (call.body.blocks !== undefined) msg.blocks = call.body.blocks;
  msg.updatedAt = call.at;
  return { ok: true, channel, ts: msg.ts, text: msg.text, message: { text: msg.text, blocks: msg.blocks } };
}

function conversationsInfo(s: FakeSlackState, call: FakeSlackCall): Reply {
  const id = str(call.body.channel) ?? '';
  const known = s.options.channels?.[id];
  if (s.options.channels && !known) return { ok: false, error: 'channel_not_found' };
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

function findView(s: FakeSlackState, call: FakeSlackCall): FakeSlackView | undefined {
  const userId = str(call.body.user_id);
  const externalId = str(call.body.external_id);
  if (call.method === 'views.publish') {
    return s.views.find((v) => v.method === 'views.publish' && v.userId === userId);
  }
  if (call.method !== 'views.update') return undefined;
  return s.views.find((v) => v.id === call.body.view_id || (externalId && v.externalId === externalId));
}

function view(s: FakeSlackState, call: FakeSlackCall): Reply {
  const existing = findView(s, call);
  const id = existing?.id ?? `V${String(s.views.length + 1).padStart(8, '0')}`;
  const record: FakeSlackView = existing ?? { id, method: call.method, view: undefined, at: call.at };
  record.view = call.body.view;
  record.at = call.at;
  const userId = str(call.body.user_id);
  const externalId = str(call.body.external_id);
  if (userId) record.userId = userId;
  if (externalId) record.externalId = externalId;
  if (!existing) s.views.push(record);
  const body = typeof record.view === 'object' && record.view !== null ? record.view : {};
  return { ok: true, view: { ...body, id: record.id } };
}

function oauthAccess(s: FakeSlackState, call: FakeSlackCall): Reply {
  const answer = s.options.oauthAccess?.(call.body) ?? {
    access_token: `xoxb-fake-${s.nextTs()}`,
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
    s.identities.set(reply.access_token, {
      teamId: team.id,
      userId,
      botId: 'BFAKEBOT',
      teamName: team.name ?? team.id,
    });
  }
  return reply;
}

function identityReply(me: FakeSlackIdentity | undefined, method: string): Reply {
  if (method === 'team.info') {
    return { ok: true, team: { id: me?.teamId, name: me?.teamName ?? me?.teamId, domain: 'fake' } };
  }
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
}

/** Answers one call that no failure intercepted. */
export function routeFakeSlack(s: FakeSlackState, call: FakeSlackCall): Reply {
  const denied = authError(s, call);
  if (denied) return { ok: false, error: denied };
  switch (call.method) {
    case 'chat.postMessage':
      return postMessage(s, call);
    case 'chat.update':
      return update(s, call);
    case 'chat.postEphemeral':
      s.ephemerals.push(call.body);
      return { ok: true, message_ts: s.nextTs() };
    case 'auth.test':
    case 'team.info':
      return identityReply(call.token ? s.identities.get(call.token) : undefined, call.method);
    case 'conversations.info':
      return conversationsInfo(s, call);
    case 'views.open':
    case 'views.push':
    case 'views.publish':
    case 'views.update':
      return view(s, call);
    case 'oauth.v2.access':
      return oauthAccess(s, call);
    case 'users.info':
      return usersInfo(s, call);
    case 'usergroups.users.list':
      return usergroupUsers(s, call);
    default:
      return { ok: true };
  }
}
