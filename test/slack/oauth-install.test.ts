import { afterEach, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/slack/scopes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { expectNoSecretIn, runCommand } from './slack-test-kit.js';

let t: TestApp;
let clock = Date.now();
afterEach(async () => t.stop());

async function startMulti(): Promise<TestApp> {
  clock = Date.now();
  return startTestApp({ mode: 'multi', env: { SOTA_API_TOKEN_TEAMS: 'TFAKE' }, start: { now: () => clock } });
}

/** GET /slack/install: the redirect to Slack's authorize page and the state cookie set with it. */
async function beginInstall(): Promise<{ location: URL; state: string; cookie: string }> {
  const res = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  const state = location.searchParams.get('state') ?? '';
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { location, state, cookie };
}

function finishInstall(query: string, cookie?: string): Promise<Response> {
  return fetch(`${t.url}/slack/oauth_redirect?${query}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
}

describe('OAuth install (multi-workspace mode)', () => {
  it('redirects to Slack with our client id, exactly our scopes and a one-time state', async () => {
    t = await startMulti();
    const { location, state, cookie } = await beginInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(state).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('the redirect with that state exchanges the code and stores the installation; the bot then works', async () => {
    t = await startMulti();
    const { state, cookie } = await beginInstall();
    const res = await finishInstall(`code=code-1&state=${state}`, cookie);
    expect(res.status).toBeLessThan(400);

    const [exchange] = t.fakeSlack.callsTo('oauth.v2.access');
    expect(exchange?.body).toMatchObject({ code: 'code-1', client_id: '111.222' });
    const installed = await t.store.getInstallation('TFAKE');
    expect(installed?.botToken).toMatch(/^xoxb-fake-/);
    expect(installed?.botUserId).toBe('UFAKEBOT');

    t.fakeSota.addProject({ name: 'web' });
    const answer = await runCommand(t, 'test web', { teamId: 'TFAKE', channelId: 'C1' });
    expect(answer.text).toContain('Posted a sample');
    expect(t.fakeSlack.callsTo('chat.postMessage')[0]?.token).toBe(installed?.botToken);
    expectNoSecretIn(t.logs, ['client-secret-xyz', 'state-secret-xyz', installed?.botToken ?? 'xoxb-']);
  });

  it('refuses a reused, missing, forged or expired state and stores nothing', async () => {
    t = await startMulti();
    const first = await beginInstall();
    expect((await finishInstall(`code=c1&state=${first.state}`, first.cookie)).status).toBeLessThan(400);
    await t.store.forgetWorkspace('TFAKE');

    const reused = await finishInstall(`code=c2&state=${first.state}`, first.cookie);
    expect(reused.status).toBe(400);
    const second = await beginInstall();
    expect((await finishInstall('code=c3', second.cookie)).status).toBe(400);
    const forged = 'forged-state-value-0123456789';
    expect((await finishInstall(`code=c4&state=${forged}`, `slack-app-oauth-state=${forged}`)).status).toBe(
      400,
    );
    const third = await beginInstall();
    clock += 11 * 60 * 1000;
    expect((await finishInstall(`code=c5&state=${third.state}`, third.cookie)).status).toBe(400);

    expect(t.fakeSlack.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(await t.store.getInstallation('TFAKE')).toBeUndefined();
  });

  it('a command from a workspace without an installation does nothing', async () => {
    t = await startMulti();
    t.fakeSota.addProject({ name: 'web' });
    const res = await t.sendCommand('subscribe web', { teamId: 'TNOBODY' });
    expect(res.status).toBe(401);
    expect(t.fakeSota.requests).toEqual([]);
    expect(t.fakeSlack.calls).toEqual([]);
  });
});
