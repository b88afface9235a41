import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { buttonPress, CHANNEL, eventBody, subscribeShop } from './button-kit.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof subscribeShop>>;

beforeEach(async () => {
  t = await startTestApp();
  shop = await subscribeShop(t);
  t.fakeSlack.setUser('UADMIN', { isAdmin: true });
});
afterEach(async () => t.stop());

const posts = (kind: 'redeploy' | 'rollback') =>
  t.fakeSota.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/${kind}`));

async function allow(setting: string) {
  const answer = await runCommand(t, `actions ${setting}`, { userId: 'UADMIN' });
  expect(answer.response_type).toBe('ephemeral');
  return answer;
}

const threadReplies = (ts: string) =>
  t.fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

/** Presses a button and waits until the app answered (a thread reply or a note to the presser). */
async function press(
  actionId: string,
  deploymentId: string,
  userId: string,
  messageTs = '1700000001.000001',
) {
  const [responses, replies] = [t.responses.length, threadReplies(messageTs).length];
  const payload = buttonPress({
    ...{ actionId, projectId: shop.projectId, deploymentId, userId, messageTs },
    responseUrl: `${t.responderUrl}/actions/${randomUUID()}`,
  });
  expect((await t.sendInteraction(payload)).status).toBe(200);
  await t.waitFor(() => t.responses.length > responses || threadReplies(messageTs).length > replies);
}

const pressAnswers = () => t.responses.filter((r) => String(r._path).startsWith('/actions/'));
const toPresser = () => pressAnswers().map((r) => String(r.text));

describe('/sota actions', () => {
  it('is off by default, and a regular member cannot change it: answered to them only, nothing changes', async () => {
    expect((await runCommand(t, 'actions')).text).toContain('Nobody can redeploy');
    const answer = await runCommand(t, 'actions everyone', { userId: 'UMEMBER' });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Only workspace admins and owners');
    expect(await t.store.getActionAccess(TEST_TEAM)).toEqual({ mode: 'off' });
  });

  it('an admin names who may press; a plain name is refused with the usage', async () => {
    await allow('<@UALLOWED|al> <!subteam^SOPS|ops>');
    expect(await t.store.getActionAccess(TEST_TEAM)).toEqual({
      mode: 'members',
      mentions: ['<@UALLOWED>', '<!subteam^SOPS>'],
    });
    const bad = await runCommand(t, 'actions @alex', { userId: 'UADMIN' });
    expect(bad.text).toContain('/sota actions off');
    expect((await t.store.getActionAccess(TEST_TEAM)).mode).toBe('members');
  });

  it('buttons appear only when allowed', async () => {
    const first = randomUUID();
    await t.sendWebhook(shop.hookId, eventBody(shop.projectId, first, 'deploy.failed'), shop.secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 1);
    expect(JSON.stringify(t.fakeSlack.messagesIn(CHANNEL)[0]?.blocks)).not.toContain('sota_redeploy');
    expect(JSON.stringify(t.fakeSlack.messagesIn(CHANNEL)[0]?.blocks)).toContain('sota_view_logs');
    await allow('everyone');
    await t.sendWebhook(shop.hookId, eventBody(shop.projectId, randomUUID(), 'deploy.failed'), shop.secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 2);
    expect(JSON.stringify(t.fakeSlack.messagesIn(CHANNEL)[1]?.blocks)).toContain('sota_redeploy');
  });
});

describe('Redeploy and Roll back', () => {
  it('an allowed press makes exactly one call and replies in the thread naming the presser', async () => {
    await allow('<@UALLOWED>');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    await press('sota_redeploy', failed.id, 'UALLOWED');
    expect(posts('redeploy')).toHaveLength(1);
    const [reply] = t.fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts);
    expect(reply?.body.channel).toBe(CHANNEL);
    expect(String(reply?.body.text)).toMatch(
      /^<@UALLOWED> redeployed Shop: sota\.io started deployment `[0-9a-f]{8}` \(deploying\)$/,
    );
    const [record] = await t.store.listActions(TEST_TEAM);
    expect(record).toMatchObject({
      action: 'redeploy',
      userId: 'UALLOWED',
      result: 'started',
      deploymentId: failed.id,
    });
    expect(record?.newDeploymentId).toBe(t.fakeSota.deployments.at(-1)?.id);
  });

  it('Slack failing the thread reply: the action ran once, and the log names Slack, the call and how it failed', async () => {
    await allow('everyone');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    t.fakeSlack.failNext((c) => c.method === 'chat.postMessage' && Boolean(c.body.thread_ts), {
      refuse: true,
    });
    const payload = buttonPress({
      actionId: 'sota_redeploy',
      projectId: shop.projectId,
      deploymentId: failed.id,
    });
    expect((await t.sendInteraction(payload)).status).toBe(200);
    const line = await t.waitFor(() =>
      t.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'could not answer a button press'),
    );
    expect(line).toMatchObject({ service: 'Slack', method: 'chat.postMessage', code: 'request_error' });
    expect(line?.failure).toBe('reset');
    expect(posts('redeploy')).toHaveLength(1);
  });

  it('a member of an allowed user group may press (usergroups.users.list)', async () => {
    await allow('<!subteam^SOPS|ops>');
    t.fakeSlack.setUsergroup('SOPS', ['UONCALL']);
    const live = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    await press('sota_redeploy', live.id, 'UONCALL');
    expect(posts('redeploy')).toHaveLength(1);
    expect(t.fakeSlack.callsTo('usergroups.users.list')[0]?.body.usergroup).toBe('SOPS');
  });

  it('someone not allowed: no call, an answer to the presser only', async () => {
    await allow('<@UALLOWED>');
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    await press('sota_redeploy', failed.id, 'USTRANGER');
    expect(posts('redeploy')).toHaveLength(0);
    expect(toPresser()[0]).toContain('You are not among the people');
    expect(pressAnswers()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(t.fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts)).toHaveLength(0);
    expect(await t.store.listActions(TEST_TEAM)).toEqual([]);
  });

  it('actions off: a press (from an old message) calls nothing', async () => {
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    await press('sota_redeploy', failed.id, 'UADMIN');
    expect(posts('redeploy')).toHaveLength(0);
    expect(toPresser()[0]).toContain('turned off');
  });

  it('two presses within a minute make one call', async () => {
    await allow('everyone');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    await Promise.all([press('sota_redeploy', failed.id, 'UONE'), press('sota_redeploy', failed.id, 'UTWO')]);
    await t.waitFor(() => pressAnswers().length === 1);
    expect(posts('redeploy')).toHaveLength(1);
    expect(toPresser()[0]).toContain('less than a minute ago');
  });

  it('rolls back the live deployment; a deployment no longer live is refused without a call', async () => {
    await allow('everyone');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    const live = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    await press('sota_rollback', live.id, 'UONE', '1700000002.000001');
    expect(posts('rollback')).toHaveLength(1);
    const reply = t.fakeSlack
      .callsTo('chat.postMessage')
      .find((c) => c.body.thread_ts === '1700000002.000001');
    expect(String(reply?.body.text)).toContain('<@UONE> rolled back Shop');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    await press('sota_rollback', live.id, 'UONE', '1700000003.000001');
    expect(posts('rollback')).toHaveLength(1);
    expect(toPresser().at(-1)).toContain('no longer the live one');
  });

  it('409 "nothing to roll back to" is explained to the presser', async () => {
    await allow('everyone');
    const only = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    await press('sota_rollback', only.id, 'UONE');
    expect(posts('rollback')).toHaveLength(1);
    expect(toPresser()[0]).toContain('nothing to roll back to');
    expect((await t.store.listActions(TEST_TEAM))[0]?.result).toBe('conflict');
  });

  it('sota.io down or slow: the presser is told; slow still ends in one call', async () => {
    await allow('everyone');
    t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'running' });
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    t.fakeSota.failNext('POST /v1/projects/:id/redeploy', { kind: 'status', status: 503 });
    await press('sota_redeploy', failed.id, 'UONE', '1700000004.000001');
    expect(toPresser()[0]).toMatch(/sota\.io/);
    expect((await t.store.listActions(TEST_TEAM))[0]?.result).toBe('failed:server_error');
    t.fakeSota.failNext('POST /v1/projects/:id/redeploy', { kind: 'delay', ms: 300 });
    await press('sota_redeploy', failed.id, 'UONE', '1700000005.000001');
    expect(posts('redeploy')).toHaveLength(2);
    expect(
      t.fakeSlack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === '1700000005.000001'),
    ).toBe(true);
  });

  it('a forged click is refused with 401 and calls nothing', async () => {
    await allow('everyone');
    const failed = t.fakeSota.addDeployment({ projectId: shop.projectId, status: 'failed' });
    const payload = buttonPress({
      actionId: 'sota_redeploy',
      projectId: shop.projectId,
      deploymentId: failed.id,
    });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await t.postSlack(body, 'application/x-www-form-urlencoded', {
      signature: `v0=${'a'.repeat(64)}`,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(posts('redeploy')).toHaveLength(0);
  });
});
