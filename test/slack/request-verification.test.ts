import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { expectNothingHappened, runCommand } from './slack-test-kit.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
  t.fakeSota.addProject({ name: 'web' });
});
afterEach(async () => t.stop());

const SIX_MINUTES_AGO = () => Math.floor(Date.now() / 1000) - 6 * 60;
const SIX_MINUTES_AHEAD = () => Math.floor(Date.now() / 1000) + 6 * 60;

describe('requests from Slack are verified', () => {
  it('a slash command with a stale timestamp gets 401 and does nothing', async () => {
    const res = await t.sendCommand('subscribe web', { timestamp: SIX_MINUTES_AGO() });
    expect(res.status).toBe(401);
    await expectNothingHappened(t);
  });

  it('a slash command from the future (more than 5 minutes) gets 401', async () => {
    const res = await t.sendCommand('subscribe web', { timestamp: SIX_MINUTES_AHEAD() });
    expect(res.status).toBe(401);
    await expectNothingHappened(t);
  });

  it('a forged signature gets 401 and does nothing', async () => {
    const body = new URLSearchParams({
      team_id: TEST_TEAM,
      channel_id: 'C1',
      user_id: 'U1',
      command: '/sota',
      text: 'subscribe web',
      response_url: `${t.url}/x`,
      trigger_id: 'x',
    }).toString();
    for (const signature of [`v0=${'0'.repeat(64)}`, 'v1=abc', 'garbage']) {
      const res = await t.postSlack(body, 'application/x-www-form-urlencoded', { signature });
      expect(res.status).toBe(401);
    }
    await expectNothingHappened(t);
  });

  it('a forged uninstall event gets 401 and forgets nothing', async () => {
    await runCommand(t, 'subscribe web');
    t.responses.length = 0;
    const stale = await t.sendEvent({ type: 'app_uninstalled' }, { timestamp: SIX_MINUTES_AGO() });
    expect(stale.status).toBe(401);
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEST_TEAM,
      event: { type: 'tokens_revoked' },
    });
    const forged = await t.postSlack(body, 'application/json', { signature: `v0=${'a'.repeat(64)}` });
    expect(forged.status).toBe(401);
    await runCommand(t, 'list');
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toHaveLength(1);
  });

  it('a forged modal submission gets 401 and stores no key', async () => {
    t.fakeSota.tokens.add('sota_forged_but_valid_key_00000000000000');
    const payload = {
      type: 'view_submission',
      team: { id: TEST_TEAM },
      user: { id: 'U1', team_id: TEST_TEAM },
      view: {
        id: 'V1',
        team_id: TEST_TEAM,
        callback_id: 'sota_connect',
        private_metadata: '',
        state: {
          values: {
            sota_api_key: {
              api_key: { type: 'plain_text_input', value: 'sota_forged_but_valid_key_00000000000000' },
            },
          },
        },
      },
    };
    const res = await t.sendInteraction(payload, { timestamp: SIX_MINUTES_AGO() });
    expect(res.status).toBe(401);
    await expectNothingHappened(t);
    expect(await t.store.getApiKey(TEST_TEAM)).toBeUndefined();
  });
});
