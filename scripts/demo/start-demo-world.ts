import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log/logger.js';
import { type FakeSlack, startFakeSlack } from '../../test/fakes/fake-slack.js';
import { type FakeSota, startFakeSota } from '../../test/fakes/fake-sota.js';
import { DEMO_BOT_TOKEN, DEMO_CHANNELS, DEMO_PROJECTS, DEMO_TEAM, DEMO_USER } from './demo-cast.js';
import { freePort } from './free-port.js';
import { type ResponseUrlServer, startResponseUrlServer } from './response-url-server.js';

/** Everything the demo runs: the real app and its local stand-ins, all on 127.0.0.1. */
export interface DemoWorld {
  app: RunningApp;
  fakeSlack: FakeSlack;
  fakeSota: FakeSota;
  responses: ResponseUrlServer;
  /** The Slack signing secret the app was started with (made up for this run). */
  signingSecret: string;
  /** The story's clock: the fake Slack stamps messages with it, so they show the day's times. */
  clock: { now(): number; set(ms: number): void };
  stop(): Promise<void>;
}

function createStoryClock(): DemoWorld['clock'] {
  let storyNow = Date.now();
  return {
    now: () => storyNow,
    set(ms) {
      storyNow = ms;
    },
  };
}

function startStandIns(clock: () => number) {
  const channels = Object.fromEntries(Object.values(DEMO_CHANNELS).map((c) => [c.id, { name: c.name }]));
  const identity = {
    teamId: DEMO_TEAM.id,
    teamName: DEMO_TEAM.name,
    userId: 'U0SOTABOT',
    botId: 'B0SOTABOT',
  };
  return Promise.all([
    startFakeSlack({
      tokens: { [DEMO_BOT_TOKEN]: identity },
      channels,
      users: { [DEMO_USER.id]: { isAdmin: true } },
      now: clock,
    }),
    startFakeSota(),
    startResponseUrlServer(),
  ]);
}

/**
 * Starts the stand-ins and the real app on a fresh SQLite file in a temp dir. App logs at `warn`
 * and above go to stderr, so stdout holds only the transcript.
 */
export async function startDemoWorld(): Promise<DemoWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-demo-data-'));
  const clock = createStoryClock();
  const [fakeSlack, fakeSota, responses] = await startStandIns(clock.now);
  for (const project of Object.values(DEMO_PROJECTS)) fakeSota.addProject(project);
  const port = await freePort();
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: DEMO_BOT_TOKEN,
    SLACK_API_URL: fakeSlack.apiUrl,
    SOTA_API_URL: fakeSota.url,
    SOTA_API_TOKEN: fakeSota.token,
    DATABASE_URL: `file:${join(dataDir, 'sota-slack.db')}`,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger(config.logLevel, process.stderr);
  const app = await startApp(config, {
    logger,
    host: '127.0.0.1',
    port,
    now: clock.now,
    worker: { pollIntervalMs: 50, channelPaceMs: 0 },
    signals: { start: false },
  });
  const stop = async () => {
    await app.stop();
    await Promise.all([fakeSlack.close(), fakeSota.close(), responses.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, fakeSlack, fakeSota, responses, signingSecret, clock, stop };
}
