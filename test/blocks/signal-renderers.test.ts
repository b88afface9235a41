import { describe, expect, it } from 'vitest';
import { renderSubscriptionList } from '../../src/blocks/commands/render-subscription-list.js';
import { renderDigest } from '../../src/blocks/notices/render-digest.js';
import { renderMuteSummary } from '../../src/blocks/notices/render-mute-summary.js';
import { renderPauseNotice } from '../../src/blocks/notices/render-pause-notice.js';
import { renderUnfurl } from '../../src/blocks/notices/render-unfurl.js';
import { renderChangeMessage } from '../../src/blocks/render-change-message.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { assertWithinBlockKitLimits } from './assert-block-kit-limits.js';
import { expectGolden } from './golden.js';
import { SIGNAL_SAMPLES } from './signal-samples.js';
import { VIEWS } from './views.js';

const MIN = 60_000;
const all = (msg: { text?: string; blocks?: unknown[] | undefined }) =>
  `${msg.text ?? ''}\n${JSON.stringify(msg.blocks)}`;

describe('duration against the usual', () => {
  it('shows "took … (usual …)" on a finished deployment and marks more than twice the usual', () => {
    const msg = renderDeployMessage({ ...VIEWS.succeeded, usualDurationMs: 125_000 });
    expect(all(msg)).toContain('1 m 42 s (usual 2 m 5 s)');
    expect(all(msg)).not.toContain('slower than usual');
    const slow = renderDeployMessage({ ...VIEWS.succeeded, usualDurationMs: 40_000 });
    expect(all(slow)).toContain('1 m 42 s (usual 40 s) · 🐢 slower than usual');
    expect(renderThreadReply({ ...VIEWS.succeeded, usualDurationMs: 125_000 }).text).toContain(
      'after 1 m 42 s (usual 2 m 5 s)',
    );
  });

  it('shows "about 2 m" on a deployment still running, and nothing without a usual', () => {
    expect(all(renderDeployMessage({ ...VIEWS.started, usualDurationMs: 125_000 }))).toContain(
      '*Usually takes*\\nabout 2 m',
    );
    expect(all(renderDeployMessage(VIEWS.started))).not.toContain('Usually');
    expect(all(renderDeployMessage(VIEWS.succeeded))).not.toContain('usual');
  });
});

describe('break and recovery', () => {
  it('renders the recovered message (golden)', () => {
    const msg = renderChangeMessage(SIGNAL_SAMPLES.recovered);
    assertWithinBlockKitLimits(msg);
    expectGolden('recovered', msg);
    expect(msg.text).toBe('✅ my-app recovered: back to normal after 47 m and 3 failed deployments');
  });

  it('renders the broke message with the reason (golden)', () => {
    const msg = renderChangeMessage(SIGNAL_SAMPLES.broke);
    assertWithinBlockKitLimits(msg);
    expectGolden('broke', msg);
    expect(msg.text).toMatch(/^❌ my-app broke: Build failed/);
  });

  it('says so in the usual message of a channel with event words', () => {
    const msg = renderDeployMessage(SIGNAL_SAMPLES.recovered);
    expect(all(msg)).toContain('*Recovered:* back to normal after 47 m and 3 failed deployments.');
    expect(msg.text).toContain('(recovered: back to normal after 47 m and 3 failed deployments)');
    const once = renderChangeMessage({
      ...SIGNAL_SAMPLES.recovered,
      outcomeChange: { kind: 'recovered', brokenForMs: 5 * MIN, failedCount: 1 },
    });
    expect(once.text).toContain('after 5 m and 1 failed deployment');
  });
});

describe('notices', () => {
  it('renders the mute summary (golden)', () => {
    const msg = renderMuteSummary(SIGNAL_SAMPLES.muteSummary);
    assertWithinBlockKitLimits(msg);
    expectGolden('mute-summary', msg);
    expect(msg.text).toContain('my-app 4 deployments, 2 failed');
  });

  it('says when nothing was deployed during a mute', () => {
    const msg = renderMuteSummary({ ...SIGNAL_SAMPLES.muteSummary, projects: [] });
    expect(all(msg)).toContain('nothing was deployed');
  });

  it('renders the digest (golden)', () => {
    const msg = renderDigest(SIGNAL_SAMPLES.digest);
    assertWithinBlockKitLimits(msg);
    expectGolden('digest', msg);
    expect(all(msg)).toContain(
      '12 deployments · 3 failed · 75 % succeeded · median 2 m 5 s · longest broken 47 m',
    );
    expect(all(msg)).not.toContain('quiet-app');
  });

  it('renders the unfurl (golden)', () => {
    const unfurl = renderUnfurl(SIGNAL_SAMPLES.unfurl);
    assertWithinBlockKitLimits({ text: 'unfurl', blocks: unfurl.blocks });
    expectGolden('unfurl', unfurl);
  });

  it('renders the pause notice with the command that fixes it (golden)', () => {
    const msg = renderPauseNotice(SIGNAL_SAMPLES.pauseNotice);
    assertWithinBlockKitLimits(msg);
    expectGolden('pause-notice', msg);
    expect(msg.text).toContain('`/invite @sota`');
    expect(msg.text).toContain('`/sota subscribe my-app`');
    const archived = renderPauseNotice({ ...SIGNAL_SAMPLES.pauseNotice, reason: 'is_archived' });
    expect(archived.text).toContain('this channel was archived');
  });

  it('renders a muted /sota list with who subscribed, the last message and the last error (golden)', () => {
    const msg = renderSubscriptionList(SIGNAL_SAMPLES.mutedList.subs, SIGNAL_SAMPLES.mutedList.channel);
    assertWithinBlockKitLimits({ text: msg.text, blocks: msg.blocks ?? [] });
    expectGolden('list-muted', msg);
    expect(all(msg)).toContain('muted until');
    expect(all(msg)).toContain('subscribed by <@U0ALEX>');
    expect(all(msg)).toContain('last error `not_in_channel`');
    expect(all(msg)).toContain('changes only');
  });
});
