/**
 * Starts the real app (real HTTP server, real SQLite file, real Bolt, real WebClient) wired to a fake
 * Slack Web API and a fake sota.io API on loopback, plus a local response_url server. Each test gets its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, type StartOptions, startApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/load-config.js';
import { signSotaPayload } from '../../src/sota/signature.js';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';
import { createCapturedLogger } from './capture-logs.js';
import { signSlackBody } from './slack-signing.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_BOT_TOKEN = 'xoxb-test-bot-token-T0TEST';
export const TEST_TEAM = 'T0TEST';
export const TEST_SOTA_TOKEN = 'sota_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2';
export const TEST_PUBLIC_URL = 'https://sota-slack.example.test';

export interface TestAppOptions {
  mode?: 'single' | 'multi';
  env?: Record<string, string>;
  /** Re-use a data directory (restart tests); a fresh temp dir otherwise. */
  dataDir?: string;
  start?: StartOptions;
  fakeSlack?: FakeSlack;
  fakeSota?: FakeSota;
}

export interface HttpAnswer {
  status: number;
  body: string;
  json: () => unknown;
  headers: Headers;
}

export interface TestApp {
  app: RunningApp;
  url: string;
  config: Config;
  store: RunningApp['store'];
  fakeSlack: FakeSlack;
  fakeSota: FakeSota;
  dataDir: string;
  logs: string[];
  /** Bodies POSTed to response_url by the app, in arrival order. */
  responses: Array<Record<string, unknown>>;
  /** The base of the response_url values the test app hands out (any path under it is recorded). */
  responderUrl: string;
  sendCommand(text: string, opts?: CommandOptions): Promise<HttpAnswer>;
  sendInteraction(payload: Record<string, unknown>, opts?: { timestamp?: number }): Promise<HttpAnswer>;
  sendEvent(
    event: Record<string, unknown>,
    opts?: { teamId?: string; timestamp?: number },
  ): Promise<HttpAnswer>;
  sendWebhook(
    hookId: string,
    body: string | Buffer,
    secret: string,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer>;
  postSlack(
    body: string,
    contentType: string,
    opts?: { timestamp?: number; signature?: string },
  ): Promise<HttpAnswer>;
  waitFor<T>(
    check: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs?: number,
  ): Promise<T>;
  /** Stops the app (not the fakes, not the data dir) — for restart tests. */
  stopApp(): Promise<void>;
  stop(): Promise<void>;
}

export interface CommandOptions {
  channelId?: string;
  userId?: string;
  teamId?: string;
  triggerId?: string;
  timestamp?: number;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sota-slack-test-'));
  const fakeSlack =
    options.fakeSlack ??
    (await startFakeSlack({
      tokens: { [TEST_BOT_TOKEN]: { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
    }));
  const fakeSota = options.fakeSota ?? (await startFakeSota({ tokens: [TEST_SOTA_TOKEN] }));
  const responder = await startResponseServer();
  const mode = options.mode ?? 'single';
  const env: Record<string, string> = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PUBLIC_URL: TEST_PUBLIC_URL,
    SLACK_API_URL: `${fakeSlack.url}/api/`,
    SOTA_API_URL: fakeSota.url,
    SOTA_API_TOKEN: TEST_SOTA_TOKEN,
    DATABASE_URL: `file:${join(dataDir, 'sota-slack.db')}`,
    LOG_LEVEL: 'debug',
    ...(mode === 'single'
      ? { SLACK_BOT_TOKEN: TEST_BOT_TOKEN }
      : {
          SLACK_CLIENT_ID: '111.222',
          SLACK_CLIENT_SECRET: 'client-secret-xyz',
          SLACK_STATE_SECRET: 'state-secret-xyz',
        }),
    ...options.env,
  };
  const config = loadConfig(env);
  const { logger, lines } = createCapturedLogger();
  const start: StartOptions = {
    logger,
    host: '127.0.0.1',
    port: 0,
    worker: { pollIntervalMs: 50, channelPaceMs: 0 },
    hookCacheTtlMs: 0,
    ...options.start,
  };
  const app = await startApp(config, start);
  let appStopped = false;
  const stopApp = async () => {
    if (appStopped) return;
    appStopped = true;
    await app.stop();
  };

  const http = async (path: string, init: RequestInit): Promise<HttpAnswer> => {
    const res = await fetch(`${app.url}${path}`, init);
    const body = await res.text();
    return { status: res.status, body, json: () => JSON.parse(body), headers: res.headers };
  };
  const postSlack: TestApp['postSlack'] = (body, contentType, opts = {}) => {
    const signed = signSlackBody(TEST_SIGNING_SECRET, body, opts.timestamp);
    if (opts.signature) signed['x-slack-signature'] = opts.signature;
    return http('/slack/events', {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, ...signed },
    });
  };
  let seq = 0;
  const testApp: TestApp = {
    app,
    url: app.url,
    config,
    store: app.store,
    fakeSlack,
    fakeSota,
    dataDir,
    logs: lines,
    responses: responder.bodies,
    responderUrl: responder.url,
    sendCommand(text, opts = {}) {
      seq += 1;
      const form = new URLSearchParams({
        token: 'deprecated-verification-token',
        team_id: opts.teamId ?? TEST_TEAM,
        team_domain: 'test',
        channel_id: opts.channelId ?? 'C0CHANNEL',
        channel_name: 'deploys',
        user_id: opts.userId ?? 'U0USER',
        user_name: 'alex',
        command: '/sota',
        text,
        api_app_id: 'A0APP',
        response_url: `${responder.url}/commands/${seq}`,
        trigger_id: opts.triggerId ?? `trigger-${seq}`,
      }).toString();
      return postSlack(form, 'application/x-www-form-urlencoded', { timestamp: opts.timestamp });
    },
    sendInteraction(payload, opts = {}) {
      const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return postSlack(form, 'application/x-www-form-urlencoded', opts);
    },
    sendEvent(event, opts = {}) {
      seq += 1;
      const body = JSON.stringify({
        token: 'deprecated-verification-token',
        team_id: opts.teamId ?? TEST_TEAM,
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: `Ev${seq}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      return postSlack(body, 'application/json', opts);
    },
    sendWebhook(hookId, body, secret, headers = {}) {
      return http(`/webhooks/sota/${hookId}`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-sota-signature': signSotaPayload(secret, body),
          ...headers,
        },
      });
    },
    postSlack,
    waitFor,
    stopApp,
    async stop() {
      await stopApp();
      await responder.close();
      if (!options.fakeSlack) await fakeSlack.close();
      if (!options.fakeSota) await fakeSota.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startResponseServer(): Promise<{
  url: string;
  bodies: Array<Record<string, unknown>>;
  close(): Promise<void>;
}> {
  const bodies: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        bodies.push({ ...(JSON.parse(text) as Record<string, unknown>), _path: req.url });
      } catch {
        bodies.push({ _raw: text, _path: req.url });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
