import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePauseReason } from '../../src/blocks/commands/describe-pause-reason.js';
import { renderConnectModal, renderConnectSuccess } from '../../src/blocks/commands/render-connect-modal.js';
import { renderHelp } from '../../src/blocks/commands/render-help.js';
import {
  renderSampleMessage,
  SAMPLE_DEPLOYMENT_ID,
} from '../../src/blocks/commands/render-sample-message.js';
import {
  renderNotSubscribed,
  renderSubscribed,
} from '../../src/blocks/commands/render-subscription-change.js';
import {
  type ListedSubscription,
  renderSubscriptionList,
} from '../../src/blocks/commands/render-subscription-list.js';
import { assertWithinBlockKitLimits } from '../blocks/assert-block-kit-limits.js';

const sub = (over: Partial<ListedSubscription> = {}): ListedSubscription => ({
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'web',
  projectSlug: 'web',
  events: ['deploy.started', 'deploy.succeeded', 'deploy.failed'],
  state: 'active',
  pausedReason: null,
  ...over,
});

describe('command reply renderers', () => {
  it('escape project names so they cannot mention or link', () => {
    const evil = sub({ projectName: '<!channel> & <http://x|y>', projectSlug: 'evil' });
    const list = renderSubscriptionList([evil]);
    const change = renderSubscribed({
      userId: 'U1',
      project: evil,
      events: ['deploy.failed'],
      change: 'created',
    });
    for (const text of [list.text, change.text, JSON.stringify(list.blocks)]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<http://x|y>');
      expect(text).toContain('&lt;!channel&gt; &amp;');
    }
  });

  it('keep a user mention intact and strip anything else from the user id', () => {
    const change = renderSubscribed({
      userId: 'U1>!here',
      project: sub(),
      events: ['deploy.failed'],
      change: 'updated',
    });
    expect(change.text.startsWith('<@U1here> changed')).toBe(true);
  });

  it('say why a subscription is paused in words, and never echo an odd code raw', () => {
    expect(describePauseReason('not_in_channel')).toBe('I was removed from this channel');
    expect(describePauseReason('is_archived')).toBe('this channel was archived');
    expect(describePauseReason('weird<code>')).toBe('Slack answered `weirdcode`');
    expect(describePauseReason(null)).toBe('it was paused');
  });

  it('stay within Block Kit limits for any number of long-named subscriptions', () => {
    const arbitrary = fc.array(
      fc.record({
        projectName: fc.string({ maxLength: 300 }),
        projectSlug: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
        paused: fc.boolean(),
      }),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(arbitrary, (items) => {
        const subs = items.map((i) =>
          sub({
            projectName: i.projectName,
            projectSlug: i.projectSlug,
            state: i.paused ? 'paused' : 'active',
            pausedReason: i.paused ? 'channel_not_found' : null,
          }),
        );
        const reply = renderSubscriptionList(subs);
        assertWithinBlockKitLimits({ text: reply.text, blocks: reply.blocks as KnownBlock[] });
      }),
      { numRuns: 50 },
    );
  });

  it('list how to unsubscribe from what the channel follows', () => {
    expect(renderNotSubscribed('api', [sub(), sub({ projectSlug: null, projectId: 'p-2' })]).text).toBe(
      'This channel does not follow `api`. It follows: `web`, `p-2`. Use one of those with `/sota unsubscribe`.',
    );
  });

  it('help is valid Block Kit, with the problem first when there is one', () => {
    const help = renderHelp('`x` is not an event I know.');
    assertWithinBlockKitLimits({ text: help.text, blocks: help.blocks as KnownBlock[] });
    expect(help.text.startsWith(':warning: `x` is not an event I know.')).toBe(true);
    expect(renderHelp().text.startsWith('*`/sota`')).toBe(true);
  });

  it('the connect modal has one key input, a submit button and carries the metadata', () => {
    const modal = renderConnectModal('{"channelId":"C1"}');
    expect(modal.callback_id).toBe('sota_connect');
    expect(modal.private_metadata).toBe('{"channelId":"C1"}');
    expect(modal.submit).toBeDefined();
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      block_id: 'sota_api_key',
      element: { action_id: 'api_key', type: 'plain_text_input' },
    });
    expect(JSON.stringify(renderConnectSuccess('2 projects: <b>, c'))).toContain('2 projects: &lt;b&gt;, c');
  });

  it('the sample message is a real deployment message marked as a test', () => {
    const sample = renderSampleMessage({
      projectId: 'p1',
      projectName: 'web',
      projectSlug: 'web',
      now: Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    assertWithinBlockKitLimits(sample);
    expect(sample.text.startsWith('[Test] ')).toBe(true);
    expect(sample.blocks[0]).toMatchObject({ type: 'context' });
    expect(JSON.stringify(sample.blocks[0])).toContain('Test message');
    expect(JSON.stringify(sample.blocks)).toContain(SAMPLE_DEPLOYMENT_ID.slice(0, 8));
    expect(JSON.stringify(sample.blocks)).toContain('https://web.sota.io');
  });
});
