import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../src/slack/bolt-logger.js';
import { isWithinSlackWindow, parseSlackTimestamp } from '../../src/slack/edge/slack-timestamp.js';
import { createKeyedLock } from '../../src/slack/keyed-lock.js';
import { describeProjects } from '../../src/slack/sota-key-check.js';
import { createCapturedLogger } from '../helpers/capture-logs.js';

describe('createBoltLogger', () => {
  it('drops SDK lines that echo bodies and redacts known secrets from the rest', () => {
    const { logger, lines } = createCapturedLogger('debug');
    const bolt = createBoltLogger(logger, ['client-secret-xyz', 'short']);
    bolt.debug('http request body: {"client_id":"1","client_secret":"client-secret-xyz"}');
    bolt.debug('http request result: {"access_token":"[[REDACTED]]"}');
    bolt.warn('Failed to verify with client-secret-xyz', new Error('boom'));
    bolt.info('request handled');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 40,
      msg: 'Failed to verify with [redacted] boom',
    });
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({
      level: 20,
      msg: 'request handled',
      component: 'bolt',
    });
  });
});

describe('createKeyedLock', () => {
  it('runs tasks of one key one after another, even when one fails', async () => {
    const lock = createKeyedLock();
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = lock.run('k', async () => {
      order.push('first start');
      await gate;
      order.push('first end');
      throw new Error('first failed');
    });
    const second = lock.run('k', async () => {
      order.push('second');
      return 2;
    });
    const other = lock.run('other', async () => {
      order.push('other');
      return 3;
    });
    expect(await other).toBe(3);
    expect(order).toEqual(['first start', 'other']);
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(order).toEqual(['first start', 'other', 'first end', 'second']);
  });
});

describe('the Slack timestamp', () => {
  const now = 1_700_000_000_000;
  it('is read as canonical integer seconds only', () => {
    expect(parseSlackTimestamp('1700000000')).toBe(1_700_000_000);
    expect(parseSlackTimestamp('0')).toBe(0);
    for (const odd of ['+1700000000', '1700000000.0', '01700000000', '1.7e9', ' 1', '-1', '', 'abc']) {
      expect(parseSlackTimestamp(odd), odd).toBeUndefined();
    }
    expect(parseSlackTimestamp(['1700000000', '1700000000'])).toBeUndefined();
    expect(parseSlackTimestamp(undefined)).toBeUndefined();
  });

  it('holds the same five-minute window in the past and the future', () => {
    const s = now / 1000;
    expect([s - 300, s, s + 300].map((t) => isWithinSlackWindow(t, now))).toEqual([true, true, true]);
    expect([s - 301, s + 301, 1_700_000_000_000].map((t) => isWithinSlackWindow(t, now))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('describeProjects', () => {
  const project = (name: string) => ({ id: `id-${name}`, name, slug: name });
  it('names what a key sees without any secret', () => {
    expect(describeProjects([])).toBe('no projects yet');
    expect(describeProjects([project('web')])).toBe('1 project: web');
    expect(describeProjects(['a', 'b', 'c', 'd', 'e', 'f'].map(project))).toBe(
      '6 projects: a, b, c, d, e, …',
    );
    expect(describeProjects([project('x'.repeat(500))]).length).toBeLessThanOrEqual(200);
  });
});
