/**
 * A service that cannot be reached is named in the log and in the answer: which service (Slack or
 * sota.io), which call, and how it failed — not a bare `fetch failed`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../helpers/closed-port.js';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { deployEvent, hookIdOf, runCommand } from './slack-test-kit.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

function logged(app: TestApp): Array<Record<string, unknown>> {
  return app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('services that cannot be reached', () => {
  it('sota.io refusing connections during /sota subscribe: the answer and the log name sota.io, the call and "refused"', async () => {
    t = await startTestApp({ env: { SOTA_API_URL: `http://127.0.0.1:${await closedPort()}` } });
    const answer = await runCommand(t, 'subscribe web');
    expect(answer.text).toContain(
      'sota.io is not answering right now (GET /v1/projects: connection refused)',
    );
    const line = logged(t).find((l) => l.service === 'sota.io');
    expect(line).toMatchObject({ method: 'GET', failure: 'refused', status: 0, code: 'network' });
    expect(String(line?.path)).toMatch(/^\/v1\/projects/);
    expect(String(line?.msg)).toMatch(
      /^could not reach sota\.io for GET \/v1\/projects\S*: connection refused$/,
    );
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
  });

  it('Slack refusing connections during /sota subscribe: the answer and the log name Slack, conversations.info and "refused"', async () => {
    t = await startTestApp({ env: { SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/` } });
    t.fakeSota.addProject({ name: 'web' });
    const answer = await runCommand(t, 'subscribe web');
    expect(answer.text).toBe(
      'I could not reach Slack to check this channel (`conversations.info`: connection refused). Nothing was changed — try again in a minute.',
    );
    expect(logged(t).find((l) => l.service === 'Slack')).toMatchObject({
      method: 'conversations.info',
      failure: 'refused',
      msg: 'Slack conversations.info failed: connection refused',
    });
    expect(t.fakeSota.webhooks).toEqual([]);
  });

  it('Slack refusing connections during a delivery: the retry is logged with Slack, the method and "refused"', async () => {
    t = await startTestApp();
    const projectId = t.fakeSota.addProject({ name: 'web' }).id;
    await runCommand(t, 'subscribe web');
    const webhook = t.fakeSota.webhooks[0];
    if (!webhook) throw new Error('no webhook registered');
    await t.fakeSlack.close();
    const res = await t.sendWebhook(hookIdOf(webhook.url), deployEvent(projectId), webhook.secret);
    expect(res.status).toBe(202);
    const app = t;
    const retry = await app.waitFor(() =>
      logged(app).find((l) => l.service === 'Slack' && l.code === 'request_error'),
    );
    expect(retry).toMatchObject({
      method: 'chat.postMessage',
      failure: 'refused',
      msg: 'delivery failed (Slack chat.postMessage: connection refused); will retry',
    });
  });

  it('Slack refusing connections during /sota test: the answer and the log name Slack, chat.postMessage and "refused"', async () => {
    t = await startTestApp();
    t.fakeSota.addProject({ name: 'web' });
    await runCommand(t, 'subscribe web');
    await t.fakeSlack.close();
    const answer = await runCommand(t, 'test web');
    expect(answer.text).toBe(
      'I could not reach Slack to post the sample message (`chat.postMessage`: connection refused). Nothing was changed — try again in a minute.',
    );
    expect(logged(t).find((l) => l.msg === 'sample message not posted')).toMatchObject({
      service: 'Slack',
      method: 'chat.postMessage',
      failure: 'refused',
    });
  });

  it('Slack refusing connections when the Home tab opens: the log names Slack, views.publish and "refused"', async () => {
    t = await startTestApp();
    await t.fakeSlack.close();
    const res = await t.sendEvent({
      type: 'app_home_opened',
      user: 'U0USER',
      channel: 'D0HOME',
      tab: 'home',
    });
    expect(res.status).toBe(200);
    const app = t;
    const line = await app.waitFor(() =>
      logged(app).find((l) => l.msg === 'could not publish the App Home tab'),
    );
    expect(line).toMatchObject({ service: 'Slack', method: 'views.publish', failure: 'refused' });
  });
});
