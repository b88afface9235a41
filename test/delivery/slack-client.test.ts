import { ErrorCode } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackClientFactory } from '../../src/delivery/slack-client.js';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => slack.close());

describe('createSlackClientFactory', () => {
  it('keeps one client per token and sends each token as a bearer token to slackApiUrl', async () => {
    const clientFor = createSlackClientFactory({ slackApiUrl: slack.apiUrl });
    expect(clientFor('xoxb-a')).toBe(clientFor('xoxb-a'));
    expect(clientFor('xoxb-a')).not.toBe(clientFor('xoxb-b'));
    await clientFor('xoxb-b').chat.postMessage({ channel: 'CFACTORY', text: 'hi' });
    const [call] = slack.calls.filter((c) => c.body.channel === 'CFACTORY');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-b', result: 'ok' });
  });

  it('never retries a failed call itself', async () => {
    const client = createSlackClientFactory({ slackApiUrl: slack.apiUrl })('xoxb-no-retry');
    slack.failNext((c) => c.body.channel === 'CRETRY', { status: 503 }, 5);
    await expect(client.chat.postMessage({ channel: 'CRETRY', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    expect(slack.calls.filter((c) => c.body.channel === 'CRETRY')).toHaveLength(1);
  });

  it('rejects a rate-limited call at once instead of waiting inside the client', async () => {
    const client = createSlackClientFactory({ slackApiUrl: slack.apiUrl })('xoxb-429');
    slack.failNext((c) => c.body.channel === 'C429', { rateLimit: 600 });
    await expect(client.chat.postMessage({ channel: 'C429', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 600,
    });
    expect(slack.calls.filter((c) => c.body.channel === 'C429')).toHaveLength(1);
  });

  it('gives up on a call that hangs after timeoutMs', async () => {
    const client = createSlackClientFactory({ slackApiUrl: slack.apiUrl, timeoutMs: 100 })('xoxb-hang');
    slack.failNext((c) => c.body.channel === 'CHANG', { hang: true });
    await expect(client.chat.postMessage({ channel: 'CHANG', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
  });

  it('keeps the client quiet: its failures reach our log only at debug level, without the token', async () => {
    const lines: Array<{ level: string; args: unknown[] }> = [];
    const logger = {
      debug: (...args: unknown[]) => lines.push({ level: 'debug', args }),
    } as unknown as Parameters<typeof createSlackClientFactory>[0]['logger'];
    const client = createSlackClientFactory({ slackApiUrl: slack.apiUrl, logger })('xoxb-secret-token');
    slack.failNext((c) => c.body.channel === 'CQUIET', { refuse: true });
    await expect(client.chat.postMessage({ channel: 'CQUIET', text: 'x' })).rejects.toBeDefined();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.level === 'debug')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('xoxb-secret-token');
  });
});
