import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { StartOptions } from '../../src/app.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from '../slack/slack-test-kit.js';

/** A clock the test moves by hand; the app reads it through `StartOptions.now`. */
export function createClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}
export type Clock = ReturnType<typeof createClock>;

/** Start options for a test that drives the timed signals itself (no background ticking). */
export function manualSignals(clock: Clock, extra: StartOptions = {}): StartOptions {
  return { now: clock.now, signals: { start: false }, ...extra };
}

export interface Followed {
  t: TestApp;
  projectId: string;
  hookId: string;
  secret: string;
}

/** An app (or instance) whose channel follows a fresh project `shop` with `subscribe shop <words>`. */
export async function followedApp(
  clock: Clock,
  words = '',
  options: TestAppOptions & { channelId?: string } = {},
): Promise<Followed> {
  const t = await startTestApp({ ...options, start: manualSignals(clock, options.start) });
  const project = t.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' });
  const answer = await command(t, clock, `subscribe shop ${words}`.trim(), options.channelId);
  expect(answer.response_type).toBe('ephemeral');
  const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id);
  if (!webhook) throw new Error('no webhook registered');
  return { t, projectId: project.id, hookId: hookIdOf(webhook.url), secret: webhook.secret };
}

/** Sends one signed sota.io event stamped with the clock's time and expects it stored. */
export async function send(
  f: Pick<Followed, 't' | 'projectId' | 'hookId' | 'secret'>,
  clock: Clock,
  deploymentId: string,
  event: 'deploy.started' | 'deploy.succeeded' | 'deploy.failed',
  data: Record<string, unknown> = {},
) {
  const body = JSON.stringify({
    event,
    project_id: f.projectId,
    deployment_id: deploymentId,
    timestamp: new Date(clock.now()).toISOString(),
    data,
  });
  const res = await f.t.sendWebhook(f.hookId, body, f.secret);
  expect(res.status).toBe(202);
}

/** A whole deployment: started, then `outcome` `tookMs` later (the clock moves on). */
export async function deploy(
  f: Followed,
  clock: Clock,
  outcome: 'succeeded' | 'failed',
  tookMs = 60_000,
): Promise<string> {
  const id = randomUUID();
  await send(f, clock, id, 'deploy.started');
  clock.advance(tookMs);
  await send(
    f,
    clock,
    id,
    `deploy.${outcome}`,
    outcome === 'failed'
      ? { error_message: 'npm run build exited 1' }
      : { url: 'https://shop.sota.io', status: 'running' },
  );
  await f.t.app.worker.drain();
  return id;
}

/** `/sota <text>` in the channel, signed at the clock's time (the app checks Slack's window with it). */
export function command(t: TestApp, clock: Clock, text: string, channelId = 'C0DEPLOYS') {
  return runCommand(t, text, { channelId, timestamp: Math.floor(clock.now() / 1000) });
}
