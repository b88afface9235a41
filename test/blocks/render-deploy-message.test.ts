import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';
import { assertWithinBlockKitLimits } from './assert-block-kit-limits.js';
import { expectGolden } from './golden.js';
import { mrkdwnTexts, viewArbitrary } from './message-arbitraries.js';
import { VIEWS } from './views.js';

type Msg = { text: string; blocks: KnownBlock[] };

const GOLDENS: [string, DeploymentView][] = [
  ['started', VIEWS.started],
  ['succeeded', VIEWS.succeeded],
  ['failed', VIEWS.failed],
  ['failed-no-reason', VIEWS.failedNoReason],
  ['unknown-project-name', VIEWS.unknownProjectName],
  ['neutral', VIEWS.neutral],
];

const buttons = (msg: Msg) =>
  msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).filter((e) => e.type === 'button');

describe('renderDeployMessage', () => {
  it.each(GOLDENS)('matches the golden file %s.json', (name, view) => {
    const msg = renderDeployMessage(view);
    assertWithinBlockKitLimits(msg);
    expectGolden(name, msg);
  });

  it('links the live URL from a button and from the text', () => {
    const msg = renderDeployMessage(VIEWS.succeeded);
    expect(buttons(msg)).toEqual([
      expect.objectContaining({ url: 'https://my-app.sota.io', action_id: 'open_deployment_url' }),
    ]);
    expect(mrkdwnTexts(msg).join('\n')).toContain('<https://my-app.sota.io|https://my-app.sota.io>');
    expect(msg.text).toBe('✅ my-app deployed — live at https://my-app.sota.io');
  });

  it('shows the start and finish as Slack date tokens with a UTC fallback, and the duration', () => {
    const all = mrkdwnTexts(renderDeployMessage(VIEWS.succeeded)).join('\n');
    expect(all).toContain('<!date^1772029800^{date_short_pretty} at {time}|2026-02-25 14:30 UTC>');
    expect(all).toContain('<!date^1772029902^{date_short_pretty} at {time}|2026-02-25 14:31 UTC>');
    expect(all).toContain('1 m 42 s');
  });

  it('shows the failure reason as code, or says how to find the logs when there is none', () => {
    const withReason = mrkdwnTexts(renderDeployMessage(VIEWS.failed)).join('\n');
    expect(withReason).toContain(
      "```Build failed: ˋnpm run buildˋ exited with code 1\nError: Cannot find module 'next'```",
    );
    const without = mrkdwnTexts(renderDeployMessage(VIEWS.failedNoReason)).join('\n');
    expect(without).toContain('sota.io gave no reason');
    expect(without).toContain('`sota logs`');
    expect(buttons(renderDeployMessage(VIEWS.failed)).map((b) => b.action_id)).toEqual(['sota_view_logs']);
  });

  it('gives a URL too long for a button no button, only shortened text', () => {
    const url = `https://my-app.sota.io/${'a'.repeat(60_000)}`;
    const msg = renderDeployMessage({ ...VIEWS.succeeded, url });
    assertWithinBlockKitLimits(msg);
    expect(buttons(msg)).toEqual([]);
    expect(mrkdwnTexts(msg).join('\n')).toMatch(/🔗 \*Live at\* `https:\/\/my-app\.sota\.io\/a+…`/);
    expect(msg.text).toBe('✅ my-app deployed');
  });

  it('never links a URL that is not http(s) or carries credentials', () => {
    for (const url of ['javascript:alert(1)', 'https://user:secret@my-app.sota.io']) {
      const msg = renderDeployMessage({ ...VIEWS.succeeded, url });
      expect(buttons(msg)).toEqual([]);
      expect(JSON.stringify(msg)).not.toMatch(/<javascript:|<https:\/\/user/);
    }
  });

  it('keeps surrogate pairs whole when a long name is cut', () => {
    const msg = renderDeployMessage({ ...VIEWS.started, projectName: '🚀'.repeat(500) });
    assertWithinBlockKitLimits(msg);
    const headerBlock = msg.blocks[0];
    expect(headerBlock?.type === 'header' && headerBlock.text.text).toMatch(/^⏳ (🚀)+… is deploying$/u);
  });
});

const INJECTIONS = ['<!channel>', '<!here>', '<@U123>', '<#C123>', '<http://evil|x>', '<!subteam^S1>'];

describe('mrkdwn injection', () => {
  it.each(INJECTIONS)('shows %s as text in every place a user string lands', (evil) => {
    const view = {
      ...VIEWS.failed,
      projectName: `app ${evil}`,
      errorMessage: `boom ${evil}`,
      sotaStatus: evil,
    };
    for (const msg of [renderDeployMessage(view), renderThreadReply(view)]) {
      const all = [msg.text, ...mrkdwnTexts(msg)].join('\n');
      expect(all).not.toContain(evil);
      expect(all).toContain(evil.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
  });

  it('leaves only its own date tokens and the live link as markup, whatever the input', () => {
    const evilString = fc.string({
      unit: fc.constantFrom('<', '>', '&', '|', '!', '@', 'U1', 'channel', ' ', 'x'),
    });
    fc.assert(
      fc.property(evilString, evilString, evilString, (name, error, status) => {
        for (const status2 of ['succeeded', 'failed'] as const) {
          const view = {
            ...VIEWS.succeeded,
            status: status2,
            projectName: name,
            errorMessage: error,
            sotaStatus: status,
          };
          for (const msg of [renderDeployMessage(view), renderThreadReply(view)]) {
            const rest = [msg.text, ...mrkdwnTexts(msg)]
              .join('\n')
              .replace(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[\d: -]+UTC>/g, '')
              .replaceAll('<https://my-app.sota.io|https://my-app.sota.io>', '');
            expect(rest).not.toMatch(/[<>]/);
          }
        }
      }),
    );
  });
});

describe('limits, for any input', () => {
  it('keeps every rendering within every Block Kit limit', () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        assertWithinBlockKitLimits(renderDeployMessage(view));
        assertWithinBlockKitLimits(renderThreadReply(view));
      }),
      { numRuns: 300 },
    );
  });

  it('links only checked http(s) URLs from buttons', () => {
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        for (const button of buttons(renderDeployMessage(view, { actionsAllowed: true }))) {
          if (button.url === undefined) continue;
          const url = new URL(button.url ?? '');
          expect(['https:', 'http:']).toContain(url.protocol);
          expect(url.username + url.password).toBe('');
        }
      }),
    );
  });
});
