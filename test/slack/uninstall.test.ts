import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { deployEvent, hookIdOf, runCommand } from './slack-test-kit.js';

const TEAM = 'TFAKE';
const WORKSPACE_KEY = 'sota_workspace_key_for_tfake_000000000000';

let t: TestApp;
afterEach(async () => t.stop());

/** Multi mode: installs TFAKE through OAuth, connects its key, subscribes two channels to two projects. */
async function installedWorkspace() {
  t = await startTestApp({ mode: 'multi', env: { SOTA_API_TOKEN: '' } });
  const install = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
  const state = new URL(install.headers.get('location') ?? '').searchParams.get('state');
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const done = await fetch(`${t.url}/slack/oauth_redirect?code=c&state=${state}`, {
    redirect: 'manual',
    headers: { cookie },
  });
  expect(done.status).toBeLessThan(400);
  t.fakeSota.tokens.add(WORKSPACE_KEY);
  await t.store.setApiKey({
    teamId: TEAM,
    apiKey: WORKSPACE_KEY,
    label: '2 projects',
    createdBy: 'U1',
    createdAt: 1,
  });
  const web = t.fakeSota.addProject({ name: 'web' });
  t.fakeSota.addProject({ name: 'api' });
  await runCommand(t, 'subscribe web', { teamId: TEAM, channelId: 'C1' });
  await runCommand(t, 'subscribe web', { teamId: TEAM, channelId: 'C2' });
  await runCommand(t, 'subscribe api', { teamId: TEAM, channelId: 'C1' });
  expect(t.fakeSota.webhooks).toHaveLength(2);
  return { webId: web.id, hooks: t.fakeSota.webhooks.map((w) => ({ ...w, hookId: hookIdOf(w.url) })) };
}

const ORDERS = [
  ['app_uninstalled', 'tokens_revoked'],
  ['tokens_revoked', 'app_uninstalled'],
] as const;

function eventOf(type: string): Record<string, unknown> {
  return type === 'tokens_revoked' ? { type, tokens: { oauth: [], bot: ['UFAKEBOT'] } } : { type };
}

describe('uninstall', () => {
  it.each(ORDERS)(
    '%s then %s, each twice: the workspace is forgotten and its hooks answer 410',
    async (a, b) => {
      const { webId, hooks } = await installedWorkspace();
      // A delivery waiting on Slack's rate limit is pending when the workspace goes away.
      t.fakeSlack.failWhile('chat.postMessage', { rateLimit: 600 });
      const web = hooks.find((h) => h.projectId === webId)!;
      expect((await t.sendWebhook(web.hookId, deployEvent(webId), web.secret)).status).toBeLessThan(300);
      await t.waitFor(() => t.fakeSlack.callsTo('chat.postMessage').length === 2);
      expect((await t.store.queueStats(Date.now())).depth).toBe(2);

      const slackCallsBefore = t.fakeSlack.calls.length;
      for (const type of [a, b, a, b]) {
        const res = await t.sendEvent(eventOf(type), { teamId: TEAM });
        expect(res.status).toBe(200);
      }
      await t.waitFor(async () => (await t.store.getInstallation(TEAM)) === undefined);
      await t.waitFor(() => t.fakeSota.webhooks.length === 0);

      expect(await t.store.getApiKey(TEAM)).toBeUndefined();
      expect(await t.store.listSubscriptions({ teamId: TEAM })).toEqual([]);
      expect((await t.store.queueStats(Date.now())).depth).toBe(0);
      for (const hook of hooks) {
        expect(await t.store.getHook(hook.hookId)).toMatchObject({ status: 'retired', remoteDeleted: true });
        expect((await t.sendWebhook(hook.hookId, deployEvent(hook.projectId), hook.secret)).status).toBe(410);
      }
      expect(t.fakeSota.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
      expect(
        t.fakeSota.requests.filter((r) => r.method === 'DELETE').map((r) => r.headers.authorization),
      ).toEqual([`Bearer ${WORKSPACE_KEY}`, `Bearer ${WORKSPACE_KEY}`]);
      expect(t.fakeSlack.calls.slice(slackCallsBefore)).toEqual([]);

      const after = await t.sendCommand('list', { teamId: TEAM });
      expect(after.status).toBe(401);
    },
  );

  it('single-workspace mode: app_uninstalled forgets the workspace too', async () => {
    t = await startTestApp();
    t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web');
    const res = await t.sendEvent({ type: 'app_uninstalled' });
    expect(res.status).toBe(200);
    await t.waitFor(() => t.fakeSota.webhooks.length === 0);
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
  });
});
