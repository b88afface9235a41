import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SOTA_TOKEN, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import {
  startTenants,
  type Tenants,
  WORKSPACE_A,
  WORKSPACE_B,
} from '../reliability/support/two-workspaces.js';
import { runCommand } from './slack-test-kit.js';

const OWN_KEY = 'sota_workspace0own0key000000000000000000000';

describe('the operator key in multi-workspace mode', () => {
  let tenants: Tenants;
  afterEach(async () => tenants.stop());

  async function start(teams: string | undefined) {
    tenants = await startTenants({
      env: {
        SOTA_API_TOKEN: TEST_SOTA_TOKEN,
        ...(teams === undefined ? {} : { SOTA_API_TOKEN_TEAMS: teams }),
      },
    });
    tenants.t.fakeSota.addProject({ name: 'shop' });
    await tenants.install(WORKSPACE_A);
    await tenants.install(WORKSPACE_B);
  }

  it('SOTA_API_TOKEN_TEAMS unset: one line at start, and no workspace reaches sota.io with the key', async () => {
    await start(undefined);
    const notices = tenants.t.logs.filter((l) => l.includes('SOTA_API_TOKEN_TEAMS is not'));
    expect(notices).toHaveLength(1);
    const answer = await runCommand(tenants.t, 'subscribe shop', {
      teamId: WORKSPACE_A.teamId,
      channelId: WORKSPACE_A.channelId,
    });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('/sota connect');
    expect(tenants.t.fakeSota.requests).toHaveLength(0);
    expect(await tenants.t.store.listSubscriptions({ teamId: WORKSPACE_A.teamId })).toEqual([]);
  });

  it('serves the listed team only; another workspace is told to connect its own key', async () => {
    await start(`${WORKSPACE_A.teamId}, TOTHER1`);
    expect(tenants.t.logs.some((l) => l.includes('SOTA_API_TOKEN_TEAMS is not'))).toBe(false);
    await tenants.subscribe(WORKSPACE_A, 'shop');
    const before = tenants.t.fakeSota.requests.length;
    const answer = await runCommand(tenants.t, 'subscribe shop', {
      teamId: WORKSPACE_B.teamId,
      channelId: WORKSPACE_B.channelId,
    });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('/sota connect');
    expect(tenants.t.fakeSota.requests.length).toBe(before);
  });

  it("a workspace's own key wins over the operator key", async () => {
    await start(WORKSPACE_A.teamId);
    await tenants.connect(WORKSPACE_B);
    await tenants.subscribe(WORKSPACE_B, 'shop');
    const last = tenants.t.fakeSota.requests.at(-1);
    expect(last?.headers.authorization).toBe(`Bearer ${WORKSPACE_B.apiKey}`);
  });
});

describe('who may change the key', () => {
  let t: TestApp;
  afterEach(async () => t.stop());

  async function withStoredKey(createdBy: string) {
    t = await startTestApp({ env: { SOTA_API_TOKEN: '' } });
    t.fakeSota.tokens.add(OWN_KEY);
    await t.store.setApiKey({ teamId: TEST_TEAM, apiKey: OWN_KEY, label: 'x', createdBy, createdAt: 1 });
  }

  it('a regular member cannot disconnect or replace a stored key: answered to them only, nothing changes', async () => {
    await withStoredKey('UCONNECTOR');
    const disconnect = await runCommand(t, 'disconnect', { userId: 'UMEMBER' });
    expect(disconnect.response_type).toBe('ephemeral');
    expect(disconnect.text).toContain('Only workspace admins and owners');
    const connect = await runCommand(t, 'connect', { userId: 'UMEMBER' });
    expect(connect.response_type).toBe('ephemeral');
    expect(connect.text).toContain('Only workspace admins and owners');
    expect(t.fakeSlack.callsTo('views.open')).toHaveLength(0);
    expect((await t.store.getApiKey(TEST_TEAM))?.apiKey).toBe(OWN_KEY);
    expect(t.fakeSlack.callsTo('users.info').map((c) => c.body.user)).toEqual(['UMEMBER', 'UMEMBER']);
  });

  it.each([
    ['an admin', 'UADMIN', { isAdmin: true }],
    ['an owner', 'UOWNER', { isOwner: true }],
    ['the member who connected it', 'UCONNECTOR', {}],
  ])('%s may disconnect it', async (_who, userId, user) => {
    await withStoredKey('UCONNECTOR');
    t.fakeSlack.setUser(userId, user);
    const answer = await runCommand(t, 'disconnect', { userId });
    expect(answer.text).toContain('Disconnected');
    expect(await t.store.getApiKey(TEST_TEAM)).toBeUndefined();
  });

  it('an admin may open the form to replace it; anyone may connect the first key', async () => {
    await withStoredKey('UCONNECTOR');
    t.fakeSlack.setUser('UADMIN', { isAdmin: true });
    await t.sendCommand('connect', { userId: 'UADMIN' });
    await t.waitFor(() => t.fakeSlack.callsTo('views.open').length === 1);
    await t.store.deleteApiKey(TEST_TEAM);
    await t.sendCommand('connect', { userId: 'UMEMBER' });
    await t.waitFor(() => t.fakeSlack.callsTo('views.open').length === 2);
  });

  it('when Slack cannot tell who the member is, nothing changes', async () => {
    await withStoredKey('UCONNECTOR');
    t.fakeSlack.failNext('users.info', { status: 500 });
    const answer = await runCommand(t, 'disconnect', { userId: 'UADMIN' });
    expect(answer.text).toContain('could not check');
    expect((await t.store.getApiKey(TEST_TEAM))?.apiKey).toBe(OWN_KEY);
  });

  it('a form opened before a key was stored cannot replace it for a regular member', async () => {
    t = await startTestApp({ env: { SOTA_API_TOKEN: '' } });
    t.fakeSota.tokens.add(OWN_KEY);
    await t.store.setApiKey({
      teamId: TEST_TEAM,
      apiKey: OWN_KEY,
      label: 'x',
      createdBy: 'UCONNECTOR',
      createdAt: 1,
    });
    const other = 'sota_another0key0000000000000000000000000000';
    t.fakeSota.tokens.add(other);
    const res = await t.sendInteraction({
      type: 'view_submission',
      team: { id: TEST_TEAM },
      user: { id: 'UMEMBER', team_id: TEST_TEAM },
      view: {
        id: 'V1',
        team_id: TEST_TEAM,
        callback_id: 'sota_connect',
        private_metadata: '',
        state: { values: { sota_api_key: { api_key: { type: 'plain_text_input', value: other } } } },
      },
    });
    expect(res.json()).toMatchObject({ response_action: 'errors' });
    expect((await t.store.getApiKey(TEST_TEAM))?.apiKey).toBe(OWN_KEY);
  });
});
