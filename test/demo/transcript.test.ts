import { describe, expect, it } from 'vitest';
import { createPaint, wantsColour } from '../../scripts/demo/paint.js';
import { plainMrkdwn } from '../../scripts/demo/plain-mrkdwn.js';
import { formatStep } from '../../scripts/demo/transcript.js';

describe('demo transcript', () => {
  it('uses colours only on a terminal without NO_COLOR', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(createPaint(true)('green', '202')).toBe('\u001b[32m202\u001b[0m');
    expect(createPaint(false)('green', '202')).toBe('202');
  });

  it('reads mrkdwn as plain words: links, dates, mentions, emphasis, entities', () => {
    expect(plainMrkdwn('<@U0ALEX> follows *Shop &amp; Co*', { U0ALEX: 'alex' })).toBe(
      '@alex follows Shop & Co',
    );
    expect(plainMrkdwn('live at <https://shop.sota.io|https://shop.sota.io>')).toBe(
      'live at https://shop.sota.io',
    );
    expect(plainMrkdwn('<!date^1772029800^{time}|2026-02-25 14:30 UTC>')).toBe('2026-02-25 14:30 UTC');
    expect(plainMrkdwn('see `a_b_c` and _this_')).toBe('see `a_b_c` and this');
  });

  it('shows a step with its answer, its note and each change in Slack', () => {
    const text = formatStep(createPaint(false), {
      step: { minute: 0, project: 'shop', deployment: 'd', event: 'deploy.failed', note: 'a failed build' },
      at: '2026-02-25T14:30:00.000Z',
      projectName: 'Shop Frontend',
      deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      status: 401,
      effects: [
        { channel: '#deploys', kind: 'updated', text: '❌ *Shop* failed' },
        { channel: '#deploys', kind: 'thread', text: 'two\nlines' },
      ],
    });
    expect(text.split('\n')).toEqual([
      '  14:30  deploy.failed     Shop Frontend  7c9e6679  → 401',
      '         a failed build',
      '         #deploys       updated    ❌ Shop failed',
      '         #deploys       ↳ thread   two',
      '                                  lines',
    ]);
  });
});
