/**
 * The preview page in a real browser (Debian's Chromium through playwright-core): each message is drawn,
 * with its header, fields side by side, its button and its thread reply.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../scripts/screenshots/launch-chromium.js';
import { renderHelp } from '../../src/blocks/commands/render-help.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';
import { skipUnless } from '../helpers/skip-reason.js';

const base = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'Shop Frontend',
  deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  startedAt: '2026-02-25T14:30:00Z',
} as const;
const started: DeploymentView = { ...base, status: 'started' };
const succeeded: DeploymentView = {
  ...base,
  status: 'succeeded',
  finishedAt: '2026-02-25T14:31:42Z',
  url: 'https://shop.sota.io',
};
const failed: DeploymentView = {
  ...base,
  status: 'failed',
  finishedAt: '2026-02-25T14:32:07Z',
  errorMessage: 'Error: Cannot find module <next>',
};

const html = renderSlackPreviewHtml([
  {
    channel: '#deploys',
    messages: [
      { ...renderDeployMessage(started), id: 'started' },
      { ...renderDeployMessage(succeeded), id: 'succeeded', replies: [renderThreadReply(succeeded)] },
      { ...renderDeployMessage(failed), id: 'failed' },
      { ...renderHelp(), id: 'help', ephemeral: true, command: '/sota help' },
    ],
  },
]);

const needsChromium = skipUnless(
  hasChromium(),
  `needs Chromium: ${CHROMIUM_PATH} is not installed (apt-get install chromium fonts-noto-color-emoji)`,
);

describe('preview page in Chromium', needsChromium, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
    await page.setContent(html, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws each deployment message with its header text visible', async () => {
    const headers: Array<[string, string]> = [
      ['#msg-started', '⏳ Shop Frontend is deploying'],
      ['#msg-succeeded', '✅ Shop Frontend is live'],
      ['#msg-failed', '❌ Shop Frontend failed to deploy'],
    ];
    for (const [id, text] of headers) {
      const header = page.locator(`${id} > .msg-row .b-header`);
      expect(await header.isVisible()).toBe(true);
      expect(await header.textContent()).toBe(text);
    }
  });

  it('lays the fields out side by side', async () => {
    const fields = page.locator('#msg-started .b-field');
    const [project, deployment] = [await fields.nth(0).boundingBox(), await fields.nth(1).boundingBox()];
    expect(project && deployment).toBeTruthy();
    expect(deployment!.x).toBeGreaterThan(project!.x + project!.width);
    expect(deployment!.y).toBe(project!.y);
  });

  it('shows the button that opens the live site', async () => {
    const button = page.locator('#msg-succeeded a.btn', { hasText: 'Open live site' });
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('href')).toBe('https://shop.sota.io');
  });

  it('shows the thread reply under its message', async () => {
    const reply = page.locator('#msg-succeeded .thread .msg-reply');
    expect(await reply.isVisible()).toBe(true);
    expect(await reply.textContent()).toContain('Live at https://shop.sota.io after 1 m 42 s');
    expect(await page.locator('#msg-succeeded .thread-count').textContent()).toBe('1 reply');
  });

  it('shows the failure reason as code, escaped text intact', async () => {
    const reason = page.locator('#msg-failed pre.code-block');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toBe('Error: Cannot find module <next>');
  });

  it('marks the ephemeral answer as visible only to the person who asked', async () => {
    const help = page.locator('#msg-help');
    expect(await help.locator('.only-you').textContent()).toContain('Only visible to you');
    expect(await help.textContent()).toContain('/sota subscribe <project> [events…]');
  });
});
