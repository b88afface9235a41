/**
 * `/sota mute` and `/sota unmute` through the real app: nothing new is posted while muted, a message
 * already posted still follows its deployment silently, and one summary is posted when the mute
 * ends — by command or by time, once, across a restart and with several instances.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCluster } from '../scale/cluster.js';
import { needsPostgres, TEST_DATABASE_URL } from '../scale/pg-schema.js';
import { command, createClock, deploy, followedApp, manualSignals, send } from './signal-kit.js';

const CHANNEL = 'C0DEPLOYS';
const MIN = 60_000;
let apps: TestApp[] = [];

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

const summaries = (t: TestApp) =>
  t.fakeSlack.messagesIn(CHANNEL).filter((m) => String(m.text).startsWith('🔔'));

describe('mute', () => {
  it('posts nothing new while muted, lets a posted message follow silently, then one summary when time is up', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const running = randomUUID();
    await send(f, clock, running, 'deploy.started');
    await f.t.app.worker.drain();
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(1);

    const answer = await command(f.t, clock, 'mute all 2h');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('muted in this channel until');
    await send(f, clock, running, 'deploy.failed', { error_message: 'boom' });
    await deploy(f, clock, 'succeeded');
    await deploy(f, clock, 'failed');

    const [posted] = f.t.fakeSlack.messagesIn(CHANNEL);
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(posted?.blocks)).toContain('Failed');
    expect(f.t.fakeSlack.threadReplies(CHANNEL, posted!.ts)).toEqual([]);
    const list = await command(f.t, clock, 'list');
    expect(list.text).toContain('muted until');

    clock.advance(2 * 60 * MIN);
    await f.t.app.signals.ticker.tick();
    await f.t.app.signals.ticker.tick();
    await f.t.app.signals.notices.runOnce();
    expect(summaries(f.t)).toHaveLength(1);
    expect(summaries(f.t)[0]?.text).toContain('Shop Frontend 3 deployments, 2 failed');
    await deploy(f, clock, 'succeeded');
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toHaveLength(3);
  });

  it('unmute ends it at once with one summary; the time running out later adds none', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    await command(f.t, clock, 'mute shop 30m');
    await deploy(f, clock, 'failed');
    expect(f.t.fakeSlack.messagesIn(CHANNEL)).toEqual([]);
    const answer = await command(f.t, clock, 'unmute shop');
    expect(answer.text).toContain('Unmuted');
    await f.t.app.signals.notices.runOnce();
    clock.advance(60 * MIN);
    await f.t.app.signals.ticker.tick();
    await f.t.app.signals.notices.runOnce();
    expect(summaries(f.t)).toHaveLength(1);
    expect(summaries(f.t)[0]?.text).toContain('1 deployment, 1 failed');
    expect((await command(f.t, clock, 'unmute shop')).text).toContain('Nothing is muted');
  });

  it('posts the summary once across a restart', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    await command(f.t, clock, 'mute all 1h');
    await deploy(f, clock, 'succeeded');
    clock.advance(61 * MIN);
    await f.t.app.signals.ticker.tick();
    await f.t.stopApp();
    const again = await startTestApp({
      dataDir: f.t.dataDir,
      fakeSlack: f.t.fakeSlack,
      fakeSota: f.t.fakeSota,
      start: manualSignals(clock),
    });
    apps.push(again);
    await again.app.signals.ticker.tick();
    await again.app.signals.notices.runOnce();
    await again.app.signals.notices.runOnce();
    expect(summaries(again)).toHaveLength(1);
  });

  it.each([
    ['mute', 'Tell me what to mute'],
    ['mute shop 8d', 'longer than 7 days'],
    ['mute shop soon', 'not a duration'],
    ['mute nothing-here', 'does not follow'],
    ['unmute', 'Tell me what to unmute'],
  ])('answers %j with its usage (or why) and changes nothing', async (text, problem) => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const answer = await command(f.t, clock, text);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(problem);
    expect(await f.t.store.listMutes({ teamId: 'T0TEST' })).toEqual([]);
  });
});

describe('mute with several instances on PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';
  it('two instances whose tick and unmute race post one summary', async () => {
    const cluster = await createCluster(url);
    try {
      const clock = createClock();
      const extra = manualSignals(clock);
      const [a, b] = [await cluster.start({ extra }), await cluster.start({ extra })];
      cluster.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' });
      await command(a!, clock, 'subscribe shop');
      await command(a!, clock, 'mute all 1h');
      clock.advance(61 * MIN);
      await Promise.all([
        a!.app.signals.ticker.tick(),
        b!.app.signals.ticker.tick(),
        command(b!, clock, 'unmute all'),
      ]);
      await Promise.all([a!.app.signals.notices.runOnce(), b!.app.signals.notices.runOnce()]);
      await Promise.all([a!.app.signals.notices.runOnce(), b!.app.signals.notices.runOnce()]);
      const posted = cluster.fakeSlack.messagesIn(CHANNEL).filter((m) => String(m.text).startsWith('🔔'));
      expect(posted).toHaveLength(1);
    } finally {
      await cluster.stop();
    }
  });
});
