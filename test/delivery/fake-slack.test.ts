import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../fakes/fake-slack.js';
import { waitFor } from './harness.js';

const TOKENS = { 'xoxb-one': { teamId: 'T1', userId: 'UB1', botId: 'BB1', teamName: 'One' } };

let slack: FakeSlack;
afterEach(async () => slack?.close());

async function start(options: FakeSlackOptions = { tokens: TOKENS }) {
  slack = await startFakeSlack(options);
  return new WebClient('xoxb-one', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

async function postJson(method: string, body: unknown, token = 'xoxb-one') {
  const res = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('fake Slack Web API', () => {
  it('keeps posted messages per channel with decoded blocks, updates with history, and thread replies', async () => {
    const client = await start();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '[not json] *hi*' } }];
    const first = await client.chat.postMessage({ channel: 'C1', text: '[1] first', blocks });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'second' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    await client.chat.update({ channel: 'C1', ts: first.ts ?? '', text: 'edited' });
    await client.chat.postMessage({ channel: 'C1', thread_ts: first.ts ?? '', text: 'reply' });

    expect(slack.messagesIn('C1').map((m) => m.text)).toEqual(['edited', 'second']);
    expect(slack.messagesIn('C1')[0]).toMatchObject({
      blocks,
      teamId: 'T1',
      history: [{ text: '[1] first' }],
    });
    expect(slack.threadReplies('C1', first.ts ?? '').map((m) => m.text)).toEqual(['reply']);
    expect(slack.messages.get('C1')).toHaveLength(3);
    await expect(client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('accepts JSON bodies and records every call with its token, team and answer time', async () => {
    await start();
    const answer = await postJson('chat.postEphemeral', { channel: 'C1', user: 'U1', text: 'psst' });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(slack.ephemerals).toEqual([{ channel: 'C1', user: 'U1', text: 'psst' }]);
    const [call] = slack.callsTo('chat.postEphemeral');
    expect(call).toMatchObject({ token: 'xoxb-one', teamId: 'T1', result: 'ok' });
    expect(call?.answeredAt).toBeGreaterThanOrEqual(call?.at ?? Number.POSITIVE_INFINITY);
    expect((await fetch(`${slack.url}/elsewhere`, { method: 'POST' })).status).toBe(404);
    expect((await postJson('apps.manifest.validate', {})).body).toEqual({ ok: true });
  });

  it('checks tokens when tokens are given; auth.test and team.info describe the token', async () => {
    const client = await start();
    expect(await client.auth.test()).toMatchObject({
      ok: true,
      team_id: 'T1',
      user_id: 'UB1',
      bot_id: 'BB1',
    });
    expect(await client.team.info()).toMatchObject({ team: { id: 'T1', name: 'One' } });
    expect((await postJson('chat.postMessage', { channel: 'C1', text: 'x' }, 'xoxb-nope')).body).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
    slack.revokeToken('xoxb-one');
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'token_revoked' },
    });
    slack.addToken('xoxb-one', TOKENS['xoxb-one']);
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('without tokens accepts any token except in auth.test', async () => {
    await start({});
    expect((await postJson('chat.postMessage', { channel: 'C9', text: 'x' }, 'xoxb-any')).body.ok).toBe(true);
    expect((await postJson('auth.test', {}, 'xoxb-any')).body).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('answers conversations.info from the configured channels', async () => {
    const client = await start({ tokens: TOKENS, channels: { C1: { name: 'deploys', isMember: false } } });
    expect(await client.conversations.info({ channel: 'C1' })).toMatchObject({
      channel: { id: 'C1', name: 'deploys', is_member: false, is_archived: false },
    });
    await expect(client.conversations.info({ channel: 'C2' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('keeps views: publish per user, update by id', async () => {
    const client = await start();
    const home = { type: 'home' as const, blocks: [] };
    const published = await client.views.publish({ user_id: 'U1', view: home });
    await client.views.publish({ user_id: 'U1', view: { ...home, private_metadata: 'v2' } });
    expect(slack.views).toHaveLength(1);
    expect(slack.views[0]?.view).toMatchObject({ private_metadata: 'v2' });
    const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'T' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: 'tr', view: modal });
    await client.views.update({ view_id: opened.view?.id ?? '', view: { ...modal, callback_id: 'again' } });
    expect(slack.views).toHaveLength(2);
    expect(slack.views[1]?.view).toMatchObject({ callback_id: 'again' });
    expect(published.view?.id).not.toBe(opened.view?.id);
  });

  it('oauth.v2.access answers the configured install and makes its token known', async () => {
    await start({
      tokens: {},
      oauthAccess: (p) => ({
        access_token: `xoxb-${String(p.code)}`,
        bot_user_id: 'UNEW',
        team: { id: 'TNEW' },
      }),
    });
    const res = await postJson('oauth.v2.access', { code: 'abc', client_id: '1', client_secret: 's' }, '');
    expect(res.body).toMatchObject({ ok: true, access_token: 'xoxb-abc', team: { id: 'TNEW' } });
    expect((await postJson('auth.test', {}, 'xoxb-abc')).body).toMatchObject({ ok: true, team_id: 'TNEW' });
  });

  it('fails calls on demand: failNext before failWhile, for the given number of times', async () => {
    const client = await start();
    const stop = slack.failWhile('chat.postMessage', { error: 'is_archived' });
    slack.failNext('chat.postMessage', { status: 503 }, 2);
    const results: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch(() => {});
      results.push(slack.calls.at(-1)?.result ?? '');
    }
    stop();
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(results).toEqual(['http_503', 'http_503', 'is_archived']);
    expect(slack.calls.at(-1)?.result).toBe('ok');

    slack.failNext((c) => c.body.channel === 'C2', { refuse: true });
    await expect(client.chat.postMessage({ channel: 'C2', text: 'x' })).rejects.toBeDefined();
    slack.failNext('chat.postMessage', { error: 'x' });
    slack.clearFailures();
    await expect(client.chat.postMessage({ channel: 'C2', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('rate limits a channel, and records calls made before Retry-After expired', async () => {
    const client = await start({ tokens: TOKENS, channelRateLimit: { perSecond: 0.001, burst: 1 } });
    await client.chat.postMessage({ channel: 'C1', text: 'one' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'two' })).rejects.toMatchObject({
      retryAfter: expect.any(Number),
    });
    expect(slack.earlyCalls).toHaveLength(0);
    await client.chat.postMessage({ channel: 'C2', text: 'same workspace, too early' });
    expect(slack.earlyCalls.map((c) => c.body.channel)).toEqual(['C2']);
    expect(slack.messagesIn('C1')).toHaveLength(1);
  });

  it('holds a hanging call until closed, and answers a gated call once the gate opens', async () => {
    const client = await start();
    slack.failNext((c) => c.body.channel === 'CH', { hang: true });
    const hanging = client.chat.postMessage({ channel: 'CH', text: 'x' });
    let open = () => {};
    slack.failNext((c) => c.body.channel === 'CG', { gate: new Promise<void>((r) => (open = r)) });
    const gated = client.chat.postMessage({ channel: 'CG', text: 'x' });
    await waitFor(() => slack.calls.some((c) => c.body.channel === 'CG'));
    expect(slack.messagesIn('CG')).toHaveLength(0);
    open();
    await expect(gated).resolves.toMatchObject({ ok: true });
    expect(
      slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'CH')?.answeredAt,
    ).toBeUndefined();
    await slack.close();
    await expect(hanging).rejects.toBeDefined();
    const hung = slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'CH');
    expect(hung?.abortedAt).toBeGreaterThanOrEqual(hung?.at ?? Number.POSITIVE_INFINITY);
  });
});
