import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SOTA_TOKEN, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { expectNoSecretIn, runCommand } from './slack-test-kit.js';

const GOOD_KEY = 'sota_9f8e7d6c5b4a9f8e7d6c5b4a9f8e7d6c5b4a9f8e';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ env: { SOTA_API_TOKEN: '' } });
  t.fakeSota.tokens.add(GOOD_KEY);
  for (const name of ['my-app', 'api', 'web']) t.fakeSota.addProject({ name });
});
afterEach(async () => t.stop());

/** Opens the modal through `/sota connect` and returns what views.open received. */
async function openModal(): Promise<{ callback_id: string; private_metadata: string; blocks: unknown[] }> {
  const res = await t.sendCommand('connect', { triggerId: 'trigger-connect', channelId: 'C5' });
  expect(res.status).toBe(200);
  const call = await t.waitFor(() => t.fakeSlack.callsTo('views.open')[0]);
  expect(call.body.trigger_id).toBe('trigger-connect');
  return call.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
}

function submission(view: { private_metadata: string }, key: string) {
  return {
    type: 'view_submission',
    team: { id: TEST_TEAM, domain: 'test' },
    user: { id: 'U0USER', username: 'alex', name: 'alex', team_id: TEST_TEAM },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V00000001',
      team_id: TEST_TEAM,
      type: 'modal',
      callback_id: 'sota_connect',
      private_metadata: view.private_metadata,
      hash: 'hash',
      blocks: [],
      state: { values: { sota_api_key: { api_key: { type: 'plain_text_input', value: key } } } },
    },
    response_urls: [],
  };
}

function dataFilesText(): string {
  return readdirSync(t.dataDir)
    .map((f) => readFileSync(join(t.dataDir, f)).toString('latin1'))
    .join('\n');
}

describe('/sota connect', () => {
  it('opens a modal with one key input; nothing is posted in the channel', async () => {
    const view = await openModal();
    expect(view.callback_id).toBe('sota_connect');
    expect(JSON.stringify(view.blocks)).toContain('"plain_text_input"');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: 'C5', userId: 'U0USER' });
    expect(t.responses).toEqual([]);
  });

  it('a key sota.io refuses: the field shows why, nothing is stored', async () => {
    const view = await openModal();
    const res = await t.sendInteraction(submission(view, 'sota_not_a_valid_key_000000'));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { sota_api_key: expect.stringContaining('sota.io did not accept this key') },
    });
    expect(await t.store.getApiKey(TEST_TEAM)).toBeUndefined();
    expectNoSecretIn(t.logs, ['sota_not_a_valid_key_000000']);
  });

  it('a key with spaces inside is refused without asking sota.io', async () => {
    const view = await openModal();
    const before = t.fakeSota.requests.length;
    const res = await t.sendInteraction(submission(view, 'sota_abc def'));
    expect(res.json()).toMatchObject({ response_action: 'errors' });
    expect(t.fakeSota.requests.length).toBe(before);
  });

  it('sota.io too slow to check the key: the modal says so within the ack', async () => {
    const view = await openModal();
    t.fakeSota.failNext('GET /v1/projects', { kind: 'hang' });
    const res = await t.sendInteraction(submission(view, GOOD_KEY));
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { sota_api_key: 'sota.io did not answer in time. Try again.' },
    });
    expect(await t.store.getApiKey(TEST_TEAM)).toBeUndefined();
  });

  it('a good key: stored sealed with a label, the modal and the channel say what it sees', async () => {
    const view = await openModal();
    const res = await t.sendInteraction(submission(view, `  ${GOOD_KEY} `));
    const body = res.json() as { response_action: string; view: unknown };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view)).toContain('3 projects: my-app, api, web');

    const stored = await t.store.getApiKey(TEST_TEAM);
    expect(stored).toMatchObject({
      apiKey: GOOD_KEY,
      label: '3 projects: my-app, api, web',
      createdBy: 'U0USER',
    });
    expect(dataFilesText()).not.toContain(GOOD_KEY);

    const note = await t.waitFor(() => t.responses[0]);
    expect(note).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note.text)).toContain('3 projects: my-app, api, web');
    expectNoSecretIn([...t.logs, JSON.stringify(t.responses), JSON.stringify(body)], [GOOD_KEY]);

    const subscribed = await runCommand(t, 'subscribe api');
    expect(subscribed.response_type).toBe('ephemeral');
    expect(t.fakeSota.requests.at(-1)?.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
  });

  it('views.open failing: says to try again', async () => {
    t.fakeSlack.failNext('views.open', { error: 'expired_trigger_id' });
    const answer = await runCommand(t, 'connect');
    expect(answer.text).toContain('could not open the form');
  });
});

describe('/sota disconnect', () => {
  it('forgets the key; subscribing then explains /sota connect (no default token)', async () => {
    await t.store.setApiKey({
      teamId: TEST_TEAM,
      apiKey: GOOD_KEY,
      label: 'x',
      createdBy: 'U0USER',
      createdAt: 1,
    });
    const answer = await runCommand(t, 'disconnect');
    expect(answer.text).toContain('Disconnected');
    expect(answer.text).toContain('run `/sota connect` again');
    expect(await t.store.getApiKey(TEST_TEAM)).toBeUndefined();
    expect((await runCommand(t, 'disconnect')).text).toContain('no sota.io API key to forget');
    expect((await runCommand(t, 'subscribe api')).text).toContain('Run `/sota connect`');
  });

  it('with SOTA_API_TOKEN set, says the default key serves the workspace from now on', async () => {
    await t.stop();
    t = await startTestApp();
    await t.store.setApiKey({
      teamId: TEST_TEAM,
      apiKey: GOOD_KEY,
      label: 'x',
      createdBy: 'U0USER',
      createdAt: 1,
    });
    const answer = await runCommand(t, 'disconnect');
    expect(answer.text).toContain('default key now serves this workspace');
    t.fakeSota.addProject({ name: 'api' });
    await runCommand(t, 'subscribe api');
    expect(t.fakeSota.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TEST_SOTA_TOKEN}`);
  });
});
