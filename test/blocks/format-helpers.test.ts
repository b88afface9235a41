import { describe, expect, it } from 'vitest';
import { durationBetween, formatDuration } from '../../src/blocks/format-duration.js';
import { toShownUrl } from '../../src/blocks/link-url.js';
import { toSlackDate } from '../../src/blocks/slack-date.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [42_400, '42 s'],
    [102_000, '1 m 42 s'],
    [120_000, '2 m'],
    [7_500_000, '2 h 5 m'],
    [273_600_000, '3 d 4 h'],
  ])('%i ms reads "%s"', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });

  it('shows nothing for a negative span or a missing end', () => {
    expect(formatDuration(-1000)).toBeUndefined();
    expect(durationBetween(5, undefined)).toBeUndefined();
  });
});

describe('toSlackDate', () => {
  it('makes a date token with a UTC fallback', () => {
    expect(toSlackDate('2026-02-25T15:30:00+01:00')).toEqual({
      token: '<!date^1772029800^{date_short_pretty} at {time}|2026-02-25 14:30 UTC>',
      fallback: '2026-02-25 14:30 UTC',
      ms: 1772029800000,
    });
  });

  it('refuses what is not a showable date', () => {
    expect(toSlackDate('yesterday')).toBeUndefined();
    expect(toSlackDate('+275760-09-13T00:00:00.000Z')).toBeUndefined();
    expect(toSlackDate(undefined)).toBeUndefined();
  });
});

describe('toShownUrl', () => {
  it('keeps an http(s) URL as a link, normalised', () => {
    expect(toShownUrl('https://my-app.sota.io')).toEqual({ kind: 'link', href: 'https://my-app.sota.io' });
    expect(toShownUrl(' https://my-app.sota.io/a b ')).toEqual({
      kind: 'link',
      href: 'https://my-app.sota.io/a%20b',
    });
  });

  it('shows anything else as text only', () => {
    expect(toShownUrl('javascript:alert(1)')).toEqual({ kind: 'text', text: 'javascript:alert(1)' });
    expect(toShownUrl('https://u:p@my-app.sota.io')).toEqual({
      kind: 'text',
      text: 'https://u:p@my-app.sota.io',
    });
    expect(toShownUrl(`https://a.io/${'x'.repeat(3000)}`)?.kind).toBe('text');
    expect(toShownUrl('   ')).toBeUndefined();
  });
});
