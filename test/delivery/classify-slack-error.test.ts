import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySlackError, PERMANENT_SLACK_ERRORS } from '../../src/delivery/classify-slack-error.js';
import { createSlackClientFactory } from '../../src/delivery/slack-client.js';
import { type FakeSlack, type FakeSlackFailure, startFakeSlack } from '../fakes/fake-slack.js';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => slack.close());

/** Makes the real client fail the way Slack would, and returns what it threw. */
async function thrownBy(failure: FakeSlackFailure, timeoutMs = 5000): Promise<unknown> {
  const client = createSlackClientFactory({ slackApiUrl: slack.apiUrl, timeoutMs })(`xoxb-${timeoutMs}`);
  slack.failNext('chat.postMessage', failure);
  try {
    await client.chat.postMessage({ channel: 'C1', text: 'hello' });
  } catch (err) {
    return err;
  }
  throw new Error('the call did not fail');
}

describe('classifySlackError with errors from the real client', () => {
  it.each(Object.entries(PERMANENT_SLACK_ERRORS))('%s is permanent for the %s', async (code, scope) => {
    expect(classifySlackError(await thrownBy({ error: code }))).toEqual({ kind: 'permanent', code, scope });
  });

  it('a 429 is rate limited for Retry-After seconds, at least 1 s', async () => {
    expect(classifySlackError(await thrownBy({ rateLimit: 7 }))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(classifySlackError(await thrownBy({ rateLimit: 0 }))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 1000,
    });
  });

  it('an ok:false ratelimited answer without Retry-After waits 1 s', async () => {
    expect(classifySlackError(await thrownBy({ error: 'ratelimited' }))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 1000,
    });
  });

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    '%s is transient',
    async (code) => {
      expect(classifySlackError(await thrownBy({ error: code }))).toEqual({ kind: 'transient', code });
    },
  );

  it('5xx, a refused socket and a timeout are transient', async () => {
    expect(classifySlackError(await thrownBy({ status: 503 }))).toEqual({
      kind: 'transient',
      code: 'http_503',
    });
    expect(classifySlackError(await thrownBy({ status: 500 }))).toEqual({
      kind: 'transient',
      code: 'http_500',
    });
    expect(classifySlackError(await thrownBy({ refuse: true }))).toEqual({
      kind: 'transient',
      code: 'request_error',
    });
    expect(classifySlackError(await thrownBy({ hang: true }, 100))).toEqual({
      kind: 'transient',
      code: 'timeout',
    });
  });

  it('anything that is not a Slack error is transient', () => {
    for (const err of [new Error('boom'), undefined, null, 'text', { code: 'ECONNRESET' }]) {
      expect(classifySlackError(err)).toEqual({ kind: 'transient', code: 'unexpected_error' });
    }
  });

  it('does not trust codes that only look permanent', () => {
    const fake = { code: 'slack_webapi_platform_error', data: { error: 'toString' } };
    expect(classifySlackError(fake)).toEqual({ kind: 'transient', code: 'toString' });
  });
});
