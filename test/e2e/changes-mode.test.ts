/**
 * `changes` mode through the real app: the outcome history of a hook, from its stored events, decides
 * which deployments get a message. success, success, failure, failure, success → two messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { command, createClock, deploy, followedApp } from './signal-kit.js';

const CHANNEL = 'C0DEPLOYS';
const MIN = 60_000;
let apps: TestApp[] = [];

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

describe('changes mode', () => {
  it('alone: only the break and the recovery, with how long and how many failed', async () => {
    const clock = createClock(Date.now() - 3 * 3600_000);
    const f = await followedApp(clock, 'changes');
    apps.push(f.t);
    expect((await command(f.t, clock, 'list')).text).toContain('changes only');
    await deploy(f, clock, 'succeeded', 2 * MIN);
    await deploy(f, clock, 'succeeded', 2 * MIN);
    clock.advance(10 * MIN);
    await deploy(f, clock, 'failed', 1 * MIN);
    await deploy(f, clock, 'failed', 1 * MIN);
    clock.advance(40 * MIN);
    await deploy(f, clock, 'succeeded', 6 * MIN);

    const messages = f.t.fakeSlack.messagesIn(CHANNEL);
    expect(messages.map((m) => String(m.text))).toEqual([
      '❌ Shop Frontend broke: npm run build exited 1',
      '✅ Shop Frontend recovered: back to normal after 47 m and 2 failed deployments',
    ]);
    // Two earlier successes are too few for a usual duration (it needs three).
    expect(JSON.stringify(messages[1]?.blocks)).toContain('*Duration*\\n6 m"');
    expect(f.t.fakeSlack.callsTo('chat.update')).toEqual([]);
  });

  it('with event words: the usual messages, and the one that changed the outcome says so', async () => {
    const clock = createClock(Date.now() - 3 * 3600_000);
    const f = await followedApp(clock, 'failed changes');
    apps.push(f.t);
    await deploy(f, clock, 'succeeded');
    await deploy(f, clock, 'failed');
    await deploy(f, clock, 'failed');
    await deploy(f, clock, 'succeeded');
    const texts = f.t.fakeSlack.messagesIn(CHANNEL).map((m) => String(m.text));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('(broke: the first failure after a success)');
    expect(texts[1]).not.toContain('broke');
    expect(texts[2]).toContain('(recovered: back to normal after');
  });

  it('mentions set for the channel ping on the break and on the recovery, not on other successes', async () => {
    const clock = createClock(Date.now() - 3 * 3600_000);
    const f = await followedApp(clock, 'succeeded changes');
    apps.push(f.t);
    const set = await command(f.t, clock, 'mention shop <@U0ONCALL|ann>');
    expect(set.response_type).toBe('ephemeral');
    await deploy(f, clock, 'succeeded');
    await deploy(f, clock, 'failed');
    await deploy(f, clock, 'succeeded');
    await deploy(f, clock, 'succeeded');
    const texts = f.t.fakeSlack.messagesIn(CHANNEL).map((m) => String(m.text));
    expect(texts).toHaveLength(4);
    expect(texts[0]).not.toContain('<@U0ONCALL>');
    expect(texts[1]).toContain('<@U0ONCALL>');
    expect(texts[2]).toContain('(recovered: back to normal after');
    expect(texts[2]).toContain('<@U0ONCALL>');
    expect(texts[3]).not.toContain('<@U0ONCALL>');
  });

  it('a plain subscription is unchanged: every deployment, no break or recovery words', async () => {
    const clock = createClock(Date.now() - 3 * 3600_000);
    const f = await followedApp(clock);
    apps.push(f.t);
    await deploy(f, clock, 'succeeded');
    await deploy(f, clock, 'failed');
    const texts = f.t.fakeSlack.messagesIn(CHANNEL).map((m) => String(m.text));
    expect(texts).toHaveLength(2);
    expect(texts.join('\n')).not.toMatch(/broke|recovered/);
  });
});
