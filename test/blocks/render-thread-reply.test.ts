import { describe, expect, it } from 'vitest';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';
import { assertWithinBlockKitLimits } from './assert-block-kit-limits.js';
import { expectGolden } from './golden.js';
import { mrkdwnTexts } from './message-arbitraries.js';
import { VIEWS } from './views.js';

const GOLDENS: [string, DeploymentView][] = [
  ['thread-reply-succeeded', VIEWS.succeeded],
  ['thread-reply-succeeded-no-url', { ...VIEWS.succeeded, url: undefined }],
  ['thread-reply-failed', VIEWS.failed],
  ['thread-reply-failed-no-reason', VIEWS.failedNoReason],
];

describe('renderThreadReply', () => {
  it.each(GOLDENS)('matches the golden file %s.json', (name, view) => {
    const reply = renderThreadReply(view);
    assertWithinBlockKitLimits(reply);
    expectGolden(name, reply);
  });

  it('says where the deployment is live and how long it took', () => {
    const reply = renderThreadReply(VIEWS.succeeded);
    expect(reply.text).toBe('✅ Live at https://my-app.sota.io after 1 m 42 s');
    expect(mrkdwnTexts(reply)).toEqual([
      '✅ *Live* at <https://my-app.sota.io|https://my-app.sota.io> after 1 m 42 s',
    ]);
  });

  it('gives the failure reason, and never says there is none (the message above may still get one)', () => {
    expect(renderThreadReply(VIEWS.failed).text).toBe(
      "❌ Failed after 2 m 7 s: Build failed: `npm run build` exited with code 1 Error: Cannot find module 'next'",
    );
    expect(mrkdwnTexts(renderThreadReply(VIEWS.failedNoReason))).toEqual(['❌ *Failed* after 55 s.']);
  });

  it('leaves out the duration when the start is unknown', () => {
    const reply = renderThreadReply({ ...VIEWS.succeeded, startedAt: undefined });
    expect(reply.text).toBe('✅ Live at https://my-app.sota.io');
  });

  it('cuts a huge failure reason to fit, keeping the code block closed', () => {
    const reply = renderThreadReply({ ...VIEWS.failed, errorMessage: 'x'.repeat(100_000) });
    assertWithinBlockKitLimits(reply);
    expect(mrkdwnTexts(reply)[0]).toMatch(/```x+…```$/);
  });
});
