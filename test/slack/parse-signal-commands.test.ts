import { describe, expect, it } from 'vitest';
import { parseSotaCommand } from '../../src/slack/commands/parse-command.js';
import { parseDuration } from '../../src/slack/commands/parse-signal-commands.js';

const invalidReason = (text: string) => {
  const parsed = parseSotaCommand(text);
  expect(parsed.kind).toBe('invalid');
  return parsed.kind === 'invalid' ? parsed.reason : '';
};

describe('subscribe … changes', () => {
  it('alone means break and recovery messages only; with event words, both', () => {
    expect(parseSotaCommand('subscribe shop changes')).toEqual({
      kind: 'subscribe',
      project: 'shop',
      events: [],
      changes: true,
    });
    expect(parseSotaCommand('subscribe shop Changes failed')).toEqual({
      kind: 'subscribe',
      project: 'shop',
      events: ['deploy.failed'],
      changes: true,
    });
    expect(parseSotaCommand('subscribe shop')).not.toHaveProperty('changes');
  });
});

describe('mute and unmute', () => {
  it('default to one hour and accept minutes, hours, days and combinations up to 7 days', () => {
    expect(parseSotaCommand('mute shop')).toEqual({ kind: 'mute', target: 'shop', durationMs: 3600_000 });
    expect(parseSotaCommand('mute all 30m')).toEqual({ kind: 'mute', target: 'all', durationMs: 1800_000 });
    expect(parseSotaCommand('mute all 7d')).toMatchObject({ durationMs: 7 * 86_400_000 });
    expect(parseDuration('1h30m')).toBe(5400_000);
    expect(parseDuration('2H')).toBe(7200_000);
    expect(parseSotaCommand('unmute all')).toEqual({ kind: 'unmute', target: 'all' });
  });

  it.each([
    ['mute', 'Tell me what to mute'],
    ['mute shop 0m', 'not a duration'],
    ['mute shop soon', 'not a duration'],
    ['mute shop 8d', 'longer than 7 days'],
    ['mute shop 169h', 'longer than 7 days'],
    ['mute shop 2h now', 'one word too many'],
    ['mute shop -1h', 'not a duration'],
  ])('answers %j with the mute usage', (text, problem) => {
    const reason = invalidReason(text);
    expect(reason).toContain(problem);
    expect(reason).toContain('/sota mute &lt;project|all&gt; [30m|2h|1d…]');
  });

  it.each([['unmute'], ['unmute shop now']])('answers %j with the unmute usage', (text) => {
    expect(invalidReason(text)).toContain('/sota unmute &lt;project|all&gt;');
  });
});

describe('digest', () => {
  it('takes a time and an IANA zone (UTC by default), or off', () => {
    expect(parseSotaCommand('digest 9:05')).toEqual({ kind: 'digest', time: '09:05', timeZone: 'UTC' });
    expect(parseSotaCommand('digest 17:30 Europe/Berlin')).toEqual({
      kind: 'digest',
      time: '17:30',
      timeZone: 'Europe/Berlin',
    });
    expect(parseSotaCommand('digest OFF')).toEqual({ kind: 'digest-off' });
  });

  it.each([
    ['digest', 'Tell me when'],
    ['digest 24:00', 'not a time'],
    ['digest 9', 'not a time'],
    ['digest 09:60', 'not a time'],
    ['digest 09:00 Mars/Olympus', 'not an IANA time zone'],
    ['digest 09:00 <!channel>', 'not an IANA time zone'],
    ['digest 09:00 UTC extra', 'one word too many'],
    ['digest off now', 'takes nothing more'],
  ])('answers %j with the digest usage', (text, problem) => {
    const reason = invalidReason(text);
    expect(reason).toContain(problem);
    expect(reason).toContain('/sota digest &lt;HH:MM&gt; [IANA time zone]');
    expect(reason).not.toContain('<!channel>');
  });
});
