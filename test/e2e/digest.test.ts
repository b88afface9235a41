/**
 * `/sota digest` through the real app with an injected clock: one message per channel and day with
 * the day's numbers, nothing for a day without deployments, exactly once across a restart and with
 * two instances on PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createCluster } from '../scale/cluster.js';
import { needsPostgres, TEST_DATABASE_URL } from '../scale/pg-schema.js';
import { command, createClock, deploy, followedApp, manualSignals } from './signal-kit.js';

const CHANNEL = 'C0DEPLOYS';
const MIN = 60_000;
let apps: TestApp[] = [];

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

const digests = (t: Pick<TestApp, 'fakeSlack'>) =>
  t.fakeSlack.messagesIn(CHANNEL).filter((m) => String(m.text).startsWith('📊'));

async function tickAndSend(t: TestApp) {
  await t.app.signals.ticker.tick();
  await t.app.signals.notices.runOnce();
}

describe('daily digest', () => {
  it('posts the day once at its time in its zone, with the numbers, and nothing on a quiet day', async () => {
    // 06:00 UTC is 07:00 in Berlin (winter): the 08:30 Berlin digest is due at 07:30 UTC.
    const clock = createClock(Date.parse('2026-03-02T06:00:00Z'));
    const f = await followedApp(clock, 'failed');
    apps.push(f.t);
    const answer = await command(f.t, clock, 'digest 08:30 Europe/Berlin');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('08:30');
    await deploy(f, clock, 'succeeded', 2 * MIN);
    await deploy(f, clock, 'failed', 1 * MIN);
    clock.advance(20 * MIN);
    await deploy(f, clock, 'succeeded', 4 * MIN);
    await tickAndSend(f.t);
    expect(digests(f.t)).toEqual([]);

    clock.set(Date.parse('2026-03-02T07:30:05Z'));
    await tickAndSend(f.t);
    await tickAndSend(f.t);
    expect(digests(f.t)).toHaveLength(1);
    const text = JSON.stringify(digests(f.t)[0]?.blocks);
    expect(text).toContain('3 deployments · 1 failed · 67 % succeeded · median 2 m · longest broken 24 m');
    expect((await command(f.t, clock, 'list')).text).toContain('daily digest at `08:30` Europe/Berlin');

    clock.set(Date.parse('2026-03-03T07:31:00Z'));
    await tickAndSend(f.t);
    expect(digests(f.t)).toHaveLength(1);
  });

  it('neither skips nor repeats a day across a restart', async () => {
    const clock = createClock(Date.parse('2026-03-02T08:00:00Z'));
    const f = await followedApp(clock);
    apps.push(f.t);
    await command(f.t, clock, 'digest 09:00');
    await deploy(f, clock, 'succeeded');
    clock.set(Date.parse('2026-03-02T09:00:30Z'));
    await tickAndSend(f.t);
    expect(digests(f.t)).toHaveLength(1);
    await deploy(f, clock, 'failed');
    await f.t.stopApp();

    // Down over the next digest time; back an hour later: that day is posted, once.
    clock.set(Date.parse('2026-03-03T10:00:00Z'));
    const again = await startTestApp({
      dataDir: f.t.dataDir,
      fakeSlack: f.t.fakeSlack,
      fakeSota: f.t.fakeSota,
      start: manualSignals(clock),
    });
    apps.push(again);
    await tickAndSend(again);
    await tickAndSend(again);
    expect(digests(again)).toHaveLength(2);
    expect(String(digests(again)[1]?.text)).toContain('1 deployment, 1 failed');
  });

  it('stops with digest off', async () => {
    const clock = createClock(Date.parse('2026-03-02T08:00:00Z'));
    const f = await followedApp(clock);
    apps.push(f.t);
    await command(f.t, clock, 'digest 09:00');
    expect((await command(f.t, clock, 'digest off')).text).toContain('is off');
    await deploy(f, clock, 'succeeded');
    clock.set(Date.parse('2026-03-02T09:01:00Z'));
    await tickAndSend(f.t);
    expect(digests(f.t)).toEqual([]);
  });

  it.each([
    ['digest', 'Tell me when'],
    ['digest 25:00', 'not a time'],
    ['digest 9am', 'not a time'],
    ['digest 09:00 Nowhere/Town', 'not an IANA time zone'],
    ['digest off please', 'takes nothing more'],
  ])('answers %j with its usage and changes nothing', async (text, problem) => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const answer = await command(f.t, clock, text);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(problem);
    expect(answer.text).toContain('/sota digest &lt;HH:MM&gt; [IANA time zone]');
    expect(await f.t.store.listDigests()).toEqual([]);
  });
});

describe('daily digest with several instances on PostgreSQL', needsPostgres, () => {
  const url = TEST_DATABASE_URL ?? '';
  it('two instances ticking at once post the day once', async () => {
    const cluster = await createCluster(url);
    try {
      const clock = createClock(Date.parse('2026-03-02T08:00:00Z'));
      const extra = manualSignals(clock);
      const a = await cluster.start({ extra });
      const b = await cluster.start({ extra });
      const project = cluster.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' });
      await command(a, clock, 'subscribe shop');
      await command(b, clock, 'digest 09:00');
      const webhook = cluster.fakeSota.webhooks.find((w) => w.projectId === project.id)!;
      const f = {
        t: a,
        projectId: project.id,
        hookId: webhook.url.split('/').pop()!,
        secret: webhook.secret,
      };
      await deploy(f, clock, 'succeeded');
      clock.set(Date.parse('2026-03-02T09:00:10Z'));
      await Promise.all([a.app.signals.ticker.tick(), b.app.signals.ticker.tick()]);
      await Promise.all([a.app.signals.notices.runOnce(), b.app.signals.notices.runOnce()]);
      await Promise.all([a.app.signals.ticker.tick(), b.app.signals.ticker.tick()]);
      await Promise.all([a.app.signals.notices.runOnce(), b.app.signals.notices.runOnce()]);
      expect(digests(cluster)).toHaveLength(1);
    } finally {
      await cluster.stop();
    }
  });
});
