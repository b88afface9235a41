import { randomBytes, randomUUID } from 'node:crypto';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load/load-generator.js';
import { createResponseReader } from '../../bench/load/response-reader.js';
import { type HookTarget, onceEach, uniqueStartedRequests } from '../../bench/load/webhook-requests.js';
import { auditDelivery, minimumSeconds } from '../../bench/phases/delivery-check.js';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';

let app: TestApp | undefined;
let slack: FakeSlack | undefined;
afterEach(async () => {
  await app?.stop();
  await slack?.close();
  app = undefined;
  slack = undefined;
});

async function appWithHook(): Promise<{ app: TestApp; hook: HookTarget }> {
  app = await startTestApp();
  const hook = await app.store.insertHook({
    id: randomBytes(12).toString('base64url'),
    teamId: TEST_TEAM,
    projectId: randomUUID(),
    projectName: 'bench',
    projectSlug: 'bench',
    sotaWebhookId: randomUUID(),
    secret: `whsec_${randomBytes(16).toString('hex')}`,
  });
  return { app, hook: { hookId: hook.id, secret: hook.secret, projectId: hook.projectId } };
}

describe('benchmark harness', () => {
  it('sends each pre-signed webhook once to the real app, counts every 202, and the app stored each one', async () => {
    const { app, hook } = await appWithHook();
    const source = onceEach(uniqueStartedRequests(hook, 300));
    const port = Number(new URL(app.url).port);
    const result = await runLoad({ host: '127.0.0.1', port, connections: 8, warmupMs: 0, next: source.next });
    expect(result.statuses).toEqual({ 202: 300 });
    expect(result.requests).toBe(300);
    expect(result.non2xx).toBe(0);
    expect(result.latencyMs.count).toBe(300);
    expect(await app.store.countEvents({ hookId: hook.hookId })).toBe(300);
  });

  it('counts refusals as non-2xx: requests signed with another secret are all 401 and nothing is stored', async () => {
    const { app, hook } = await appWithHook();
    const forged = uniqueStartedRequests({ ...hook, secret: 'whsec_not-the-secret' }, 40);
    const port = Number(new URL(app.url).port);
    const result = await runLoad({
      host: '127.0.0.1',
      port,
      connections: 4,
      warmupMs: 0,
      next: onceEach(forged).next,
    });
    expect(result.statuses).toEqual({ 401: 40 });
    expect(result.non2xx).toBe(40);
    expect(await app.store.countEvents({ hookId: hook.hookId })).toBe(0);
  });

  it('splits responses cut at any byte, several in one chunk, with a length or chunked', () => {
    const one = 'HTTP/1.1 202 Accepted\r\nContent-Length: 11\r\n\r\n{"ok":true}';
    const chunked = 'HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nnope!\r\n0\r\n\r\n';
    const stream = Buffer.from(one + chunked + one);
    for (let cut = 1; cut < stream.length; cut += 7) {
      const seen: number[] = [];
      const read = createResponseReader((status) => seen.push(status));
      read(stream.subarray(0, cut));
      read(stream.subarray(cut));
      expect(seen).toEqual([202, 401, 202]);
    }
  });

  it('finds lost and duplicated messages in what reached Slack', async () => {
    slack = await startFakeSlack();
    const client = new WebClient('xoxb-bench', { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
    const post = (deployment: string, text: string) =>
      client.chat.postMessage({
        channel: 'C1',
        text,
        metadata: { event_type: 'sota_deployment', event_payload: { deployment_id: deployment } },
      });
    await post('d1', '✅ app deployed');
    const twice = await post('d2', '✅ app deployed');
    await post('d2', '✅ app deployed');
    await client.chat.postMessage({ channel: 'C1', thread_ts: twice.ts ?? '', text: 'live' });
    await client.chat.postMessage({ channel: 'C1', thread_ts: twice.ts ?? '', text: 'live' });
    await post('d3', '⏳ app is deploying');
    const audit = auditDelivery(slack, new Map([['C1', ['d1', 'd2', 'd3', 'd4']]]));
    expect(audit).toEqual({ final: 2, lost: 2, duplicated: 2 });
  });

  it('takes the least time the channel limit allows: the burst at once, then one call per refill', () => {
    const limit = { perSecond: 1, burst: 3 };
    expect(minimumSeconds(3, limit, 50)).toBeCloseTo(0.05);
    expect(minimumSeconds(13, limit, 50)).toBeCloseTo(10.05);
    expect(minimumSeconds(0, limit, 50)).toBe(0);
  });
});
