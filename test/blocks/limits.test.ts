import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, oneLine, truncate } from '../../src/blocks/limits.js';

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('my-app', 6)).toBe('my-app');
  });

  it('cuts with an ellipsis that counts towards the limit', () => {
    expect(truncate('my-application', 6)).toBe('my-ap…');
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    expect(truncate('🚀🚀🚀', 4)).toBe('🚀…');
    expect(truncate('a🚀🚀', 3)).toBe('a…');
  });

  it('returns a well-formed prefix within the limit, for any text and limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 50 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(/\p{Cs}/u.test(out)).toBe(false);
        expect(text.startsWith(out.endsWith('…') && out !== text ? out.slice(0, -1) : out)).toBe(true);
      }),
    );
  });
});

describe('cleanText and oneLine', () => {
  it('replaces lone surrogates, control characters and bidi overrides, keeping newlines and tabs', () => {
    expect(cleanText('a\uD800b\u0000c\u202Ed\r\ne\tf')).toBe('a\uFFFDb c d\ne\tf');
  });

  it('folds whitespace into single spaces on one line', () => {
    expect(oneLine('  my \n\n app\t ')).toBe('my app');
  });
});
