import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSotaFailure } from '../fakes/fake-sota.js';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
let projectId: string;
beforeAll(async () => {
  // One app for every case: a 429 case would hold the key for the next ones (that is what pacing is for).
  t = await startTestApp({ start: { sotaPacing: false } });
  projectId = t.fakeSota.addProject({ name: 'web' }).id;
});
afterAll(async () => t.stop());
beforeEach(() => t.fakeSota.clearFailures());

const status = (code: number): FakeSotaFailure => ({ kind: 'status', status: code });

const CASES: Array<[string, FakeSotaFailure, RegExp]> = [
  ['400', status(400), /sota\.io rejected the request \(Bad request\) — check the project and event names/],
  ['401', status(401), /sota\.io did not accept the API key — run \/sota connect with a valid key/],
  ['403', status(403), /The sota\.io API key may not do this/],
  ['404', status(404), /sota\.io could not find that project — check the project id or slug/],
  ['409', status(409), /sota\.io rejected the request \(Conflict\)/],
  ['422', status(422), /sota\.io rejected the request \(Validation failed\)/],
  ['500', status(500), /sota\.io is not answering right now — try again in a minute/],
  ['503', status(503), /sota\.io is not answering right now — try again in a minute/],
  ['a reset connection', { kind: 'reset' }, /sota\.io is not answering right now/],
  ['malformed JSON', { kind: 'malformed-json', status: 201 }, /sota\.io sent an answer this app cannot read/],
  ['a wrong shape', { kind: 'wrong-shape', status: 201 }, /sota\.io sent an answer this app cannot read/],
];

async function expectNothingChanged(): Promise<void> {
  expect(await t.store.findHook(TEST_TEAM, projectId)).toBeUndefined();
  expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
  expect(t.fakeSota.webhooks).toEqual([]);
}

function expectClearAnswer(text: string | undefined, sentence: RegExp): void {
  expect(text).toMatch(sentence);
  expect(text).toMatch(
    /(Nothing was changed\.|Nothing was subscribed; if sota\.io registered a webhook anyway, I will remove it again\.)$/,
  );
  expect(text).not.toMatch(/Error:|\n\s+at |whsec_|sota_/);
}

describe('sota.io failures during /sota subscribe', () => {
  it.each(CASES)(
    'listing projects fails with %s: clear answer, nothing changed',
    async (_name, failure, sentence) => {
      t.fakeSota.failNext('GET /v1/projects', failure);
      const answer = await runCommand(t, 'subscribe web');
      expect(answer.response_type).toBe('ephemeral');
      expectClearAnswer(answer.text, sentence);
      await expectNothingChanged();
    },
  );

  it.each(CASES)(
    'registering the webhook fails with %s: clear answer, no half state',
    async (_name, failure, sentence) => {
      t.fakeSota.failNext('POST /v1/projects/:id/webhooks', failure);
      const answer = await runCommand(t, 'subscribe web');
      expectClearAnswer(answer.text, sentence);
      await expectNothingChanged();
    },
  );

  it('an unreadable registration answer is logged and its webhook looked for (a webhook may exist remotely)', async () => {
    t.fakeSota.failNext('POST /v1/projects/:id/webhooks', { kind: 'malformed-json', status: 201 });
    await runCommand(t, 'subscribe web');
    const lines = t.logs.filter((l) => l.includes('webhook registration answer lost'));
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({
      level: 40,
      projectId,
      code: 'malformed_response',
    });
  });

  it('a registration that times out: clear answer, nothing changed', async () => {
    t.fakeSota.failNext('POST /v1/projects/:id/webhooks', { kind: 'hang' });
    const answer = await runCommand(t, 'subscribe web', { waitMs: 15_000 });
    expectClearAnswer(answer.text, /sota\.io is not answering right now/);
    await expectNothingChanged();
  });

  it('after the failures, the same command succeeds', async () => {
    const answer = await runCommand(t, 'subscribe web');
    expect(answer.response_type).toBe('ephemeral');
    expect(t.fakeSota.webhooks).toHaveLength(1);
  });
});

describe('sota.io rate limiting during /sota subscribe', () => {
  const RATE_LIMITED = /sota\.io is rate limiting requests — try again in 30 seconds/;

  // A 429 holds the key for its Retry-After, so each case gets an app of its own.
  it.each([
    ['listing projects', 'GET /v1/projects'],
    ['registering the webhook', 'POST /v1/projects/:id/webhooks'],
  ] as const)(
    '%s answers 429: clear answer, nothing changed, and no call with the key until Retry-After',
    async (_name, route) => {
      const app = await startTestApp();
      try {
        app.fakeSota.addProject({ name: 'web' });
        app.fakeSota.failNext(route, { kind: 'rate-limit', retryAfter: 30 });
        const first = await runCommand(app, 'subscribe web');
        expectClearAnswer(first.text, RATE_LIMITED);
        const callsAfter429 = app.fakeSota.requests.length;
        const second = await runCommand(app, 'subscribe web');
        expect(second.text).toMatch(/sota\.io is rate limiting requests/);
        expect(app.fakeSota.requests.length).toBe(callsAfter429);
        expect(await app.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
      } finally {
        await app.stop();
      }
    },
  );
});
