import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderActionReply } from '../../src/blocks/actions/render-action-reply.js';
import {
  lastLines,
  renderLogsLoading,
  renderLogsModal,
  renderLogsUnavailable,
} from '../../src/blocks/actions/render-logs-modal.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { assertWithinBlockKitLimits } from './assert-block-kit-limits.js';
import { expectGolden } from './golden.js';
import { VIEWS } from './views.js';

const MENTIONS = ['<@U024BE7LH>', '<!subteam^SAZ94GDB8>'];
const subject = { project: 'my-app', deploymentId: VIEWS.failed.deploymentId };

type Button = { action_id?: string; confirm?: { text: { text: string } }; value?: string };
const buttonsOf = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Button[]) : []));

describe('the failure card with its buttons', () => {
  it('failed, actions allowed, with mentions: golden', () => {
    const msg = renderDeployMessage(VIEWS.failed, { actionsAllowed: true, mentions: MENTIONS });
    assertWithinBlockKitLimits(msg);
    expectGolden('failed-actions', msg);
    expect(buttonsOf(msg.blocks).map((b) => b.action_id)).toEqual(['sota_view_logs', 'sota_redeploy']);
    expect(msg.text).toContain('<@U024BE7LH> <!subteam^SAZ94GDB8>');
    expect(JSON.stringify(msg.blocks[0])).not.toContain('<@');
    const value = JSON.parse(buttonsOf(msg.blocks)[1]?.value ?? '{}');
    expect(value).toEqual({ project_id: VIEWS.failed.projectId, deployment_id: VIEWS.failed.deploymentId });
    expect(buttonsOf(msg.blocks)[1]?.confirm?.text.text).toContain('current environment variables');
  });

  it('succeeded, actions allowed: golden with Roll back and its confirm; no mentions on success', () => {
    const msg = renderDeployMessage(VIEWS.succeeded, { actionsAllowed: true, mentions: MENTIONS });
    assertWithinBlockKitLimits(msg);
    expectGolden('succeeded-actions', msg);
    expect(buttonsOf(msg.blocks).map((b) => b.action_id)).toEqual(['open_deployment_url', 'sota_rollback']);
    expect(buttonsOf(msg.blocks)[1]?.confirm?.text.text).toContain('previous image');
    expect(JSON.stringify(msg)).not.toContain('<@U024BE7LH>');
  });

  it('actions off: no Redeploy or Roll back at all', () => {
    const ids = [VIEWS.failed, VIEWS.succeeded].flatMap((v) =>
      buttonsOf(renderDeployMessage(v, { actionsAllowed: false }).blocks).map((b) => b.action_id),
    );
    expect(ids).toEqual(['sota_view_logs', 'open_deployment_url']);
  });
});

describe('the logs modal', () => {
  it('loading, lines and unavailable views: golden', () => {
    const lines = ['> next build', '\u2026', "Error: Cannot find module 'next'", 'npm ERR! code 1'].join(
      '\n',
    );
    expectGolden('logs-modal', {
      loading: renderLogsLoading(subject),
      lines: renderLogsModal(subject, lines),
      missing: renderLogsUnavailable(subject, 'none'),
    });
  });

  it('says why there are no lines, always with the `sota logs` command, within the limits', () => {
    const said = {
      none: 'has no logs',
      unsupported: 'does not serve logs',
      failed: 'did not answer',
      not_followed: 'does not follow this project',
      no_key: 'No sota.io key this workspace may use can read',
    } as const;
    for (const [why, text] of Object.entries(said)) {
      const view = renderLogsUnavailable(subject, why as keyof typeof said);
      assertWithinBlockKitLimits({ text: 'Deployment logs', blocks: view.blocks as KnownBlock[] });
      expect(JSON.stringify(view)).toContain(text);
      expect(JSON.stringify(view)).toContain('sota logs');
    }
  });

  it('keeps whole last lines within the section limit, and cuts one huge line from its start', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const { shown, cut } = lastLines(long, 100);
    expect(cut).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown.endsWith('line 999')).toBe(true);
    expect(shown.split('\n')[0]).toMatch(/^line \d+$/);
    const one = lastLines('y'.repeat(500), 100);
    expect(one.shown.length).toBeLessThanOrEqual(100);
    expect(one.shown.startsWith('…')).toBe(true);
  });

  it('escapes log text so it cannot mention or link', () => {
    const modal = JSON.stringify(renderLogsModal(subject, 'ping <!channel> <https://evil|x>'));
    expect(modal).not.toContain('<!channel>');
    expect(modal).toContain('&lt;!channel&gt;');
  });
});

describe("an action's thread reply", () => {
  it('names the presser and what sota.io answered: golden', () => {
    const reply = renderActionReply({
      action: 'rollback',
      userId: 'U024BE7LH',
      project: 'my-app',
      newDeploymentId: '9a1b2c3d-0000-4000-8000-000000000000',
      newStatus: 'deploying',
    });
    assertWithinBlockKitLimits(reply);
    expectGolden('action-reply-rollback', reply);
    expect(reply.text).toBe(
      '<@U024BE7LH> rolled back my-app: sota.io started deployment `9a1b2c3d` (deploying)',
    );
  });
});
