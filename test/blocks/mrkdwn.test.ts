import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMrkdwn, fitMrkdwn, inlineCode, mrkdwnLink } from '../../src/blocks/mrkdwn.js';

describe('mrkdwn escaping', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> "quoted" *bold*')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; "quoted" *bold*',
    );
  });

  it('cleans out control and bidirectional characters, keeping newlines and tabs, cut or not', () => {
    expect(escapeMrkdwn('a\u0007b\u202Ec\u2066d\u200Fe\r\nf\tg')).toBe('a b c d e\nf\tg');
    expect(fitMrkdwn(`\u202E${'x'.repeat(20)}\u0000`, 10)).toBe(` ${'x'.repeat(8)}…`);
  });

  it('never cuts inside an entity and stays within the limit', () => {
    expect(fitMrkdwn('a<<<<', 6)).toBe('a&lt;…');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '&', 'a', '🚀') }),
        fc.integer({ min: 1, max: 40 }),
        (text, max) => {
          const out = fitMrkdwn(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[<>&]/);
        },
      ),
    );
  });

  it('keeps code spans and blocks closed whatever backticks the text holds', () => {
    expect(inlineCode('a`b', 20)).toBe('`aˋb`');
    expect(codeBlock('```rm -rf```', 40)).toBe('```ˋˋˋrm -rfˋˋˋ```');
    expect(codeBlock('x'.repeat(50), 20)).toBe(`\`\`\`${'x'.repeat(13)}…\`\`\``);
  });

  it('builds a link whose URL cannot end early and whose label is escaped', () => {
    expect(mrkdwnLink('https://a.io/?x=1&y=|', 'a <b>', 50)).toBe(
      '<https://a.io/?x=1&amp;y=%7C|a &lt;b&gt;>',
    );
  });
});
