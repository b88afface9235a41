/**
 * Signed requests that are not what Slack sends, and timestamps in odd spellings: each gets a clear
 * answer from the edge, nothing happens, and the app goes on serving the next genuine command.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SIGNING_SECRET, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { expectNothingHappened, runCommand } from './slack-test-kit.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
  t.fakeSota.addProject({ name: 'web' });
});
afterEach(async () => t.stop());

const FORM = 'application/x-www-form-urlencoded';

function commandForm(text: string, extra = ''): string {
  const form = new URLSearchParams({
    team_id: TEST_TEAM,
    channel_id: 'C0CHANNEL',
    user_id: 'U0USER',
    command: '/sota',
    text,
    response_url: `${t.url}/never-called`,
    trigger_id: 'trigger-x',
  }).toString();
  return `${form}${extra}`;
}

/** A request signed over `v0:<signedAs>:body`, carrying `header` as its timestamp. */
function postWithTimestamp(body: string, header: string, signedAs: string) {
  const signature = `v0=${createHmac('sha256', TEST_SIGNING_SECRET).update(`v0:${signedAs}:${body}`).digest('hex')}`;
  return fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: { 'content-type': FORM, 'x-slack-signature': signature, 'x-slack-request-timestamp': header },
  });
}

describe('signed bodies that are not Slack payloads', () => {
  it('payload=null and a JSON null get 400 and the process keeps serving', async () => {
    const form = await t.postSlack('payload=null', FORM);
    const json = await t.postSlack('null', 'application/json');
    expect([form.status, json.status]).toEqual([400, 400]);
    expect((form.json() as { error: { code: string } }).error.code).toBe('invalid_body');
    await expectNothingHappened(t);
  });

  it('a repeated form field (text=list&text=help) gets 400 at once and runs nothing', async () => {
    const res = await t.postSlack(commandForm('list', '&text=help'), FORM);
    expect(res.status).toBe(400);
    expect(res.body).toContain('repeated');
    await expectNothingHappened(t);
  });

  it('foo=bar and {} get 400 from the edge, not a 404 after a wait', async () => {
    const form = await t.postSlack('foo=bar', FORM);
    const json = await t.postSlack('{}', 'application/json');
    expect([form.status, json.status]).toEqual([400, 400]);
    await expectNothingHappened(t);
  });
});

describe('the request timestamp', () => {
  it('ten minutes ahead is refused in every spelling (+T, T.0, 000T, 1e10, 13 digits)', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 600;
    const body = commandForm('subscribe web');
    const spellings = [String(ahead), `+${ahead}`, `${ahead}.0`, `000${ahead}`, '1e10', `${ahead}000`];
    const statuses: number[] = [];
    for (const header of spellings) {
      // Signed over the header as written and over the number it spells: neither gets through.
      statuses.push((await postWithTimestamp(body, header, header)).status);
      statuses.push((await postWithTimestamp(body, header, String(Number(header)))).status);
    }
    expect(statuses).toEqual(spellings.flatMap(() => [401, 401]));
    await expectNothingHappened(t);
  });

  it('a current timestamp in a non-canonical spelling is refused too', async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const body = commandForm('subscribe web');
    for (const header of [`+${now}`, `${now}.0`, `0${now}`]) {
      expect((await postWithTimestamp(body, header, String(Number(header)))).status, header).toBe(401);
    }
    expect((await postWithTimestamp(body, now, now)).status).toBe(200);
  });
});

describe('text echoed back', () => {
  const UNSAFE = /(?![\n\t])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(strings)
        : [];

  it('carries no control or bidirectional character, whatever the command held', async () => {
    const asked = [
      '\u0007ring\u0007',
      '\u202Eevil\u202C',
      'list \u2066y\u2069\u0000',
      'subscribe \u202Egeheim\u001B[31m',
    ];
    const answers = [];
    for (const text of asked) answers.push(await runCommand(t, text));
    for (const [i, answer] of answers.entries()) {
      const { _path, ...shown } = answer;
      expect(
        strings(shown).filter((s) => UNSAFE.test(s)),
        asked[i],
      ).toEqual([]);
    }
    expect(answers[0]?.text).toContain("I don't know the command `ring`");
    expect(answers[1]?.text).toContain("I don't know the command `evil`");
    expect(answers[2]?.text).toContain('does not take `y`');
    expect(answers[3]?.text).toContain('geheim [31m');
  });
});
