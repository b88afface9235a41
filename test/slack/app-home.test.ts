import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { assertWithinBlockKitLimits } from '../blocks/assert-block-kit-limits.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function openHome(app: TestApp, user = 'U0HOME') {
  const before = app.fakeSlack.callsTo('views.publish').length;
  const res = await app.sendEvent({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' });
  expect(res.status).toBe(200);
  await app.waitFor(() => app.fakeSlack.callsTo('views.publish').length > before);
  const call = app.fakeSlack.callsTo('views.publish').at(-1)!;
  return { userId: call.body.user_id, view: call.body.view as { type: string; blocks: unknown[] } };
}

describe('App Home tab', () => {
  it('shows how to add a subscription when the workspace has none', async () => {
    t = await startTestApp();
    const { userId, view } = await openHome(t);
    expect(userId).toBe('U0HOME');
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('/sota subscribe &lt;project&gt;');
    expect(JSON.stringify(view.blocks)).toContain('No channel follows a sota.io project yet');
  });

  it('lists subscriptions by channel with their state and last delivery', async () => {
    t = await startTestApp();
    const shop = t.fakeSota.addProject({ name: 'Shop', slug: 'shop' });
    t.fakeSota.addProject({ name: 'Billing API', slug: 'billing' });
    await runCommand(t, 'subscribe shop', { channelId: 'C0SHOP' });
    await runCommand(t, 'subscribe billing failed', { channelId: 'C0OPS' });
    const webhook = t.fakeSota.webhooks.find((w) => w.projectId === shop.id)!;
    const body = JSON.stringify({
      event: 'deploy.started',
      project_id: shop.id,
      deployment_id: randomUUID(),
      timestamp: new Date().toISOString(),
    });
    await t.sendWebhook(webhook.url.split('/').pop()!, body, webhook.secret);
    await t.waitFor(() => t!.fakeSlack.messagesIn('C0SHOP').length === 1);
    await t.store.pauseSubscriptions({ teamId: 'T0TEST', channelId: 'C0OPS' }, 'is_archived');

    const { view } = await openHome(t);
    const text = JSON.stringify(view.blocks);
    expect(text.indexOf('<#C0SHOP>')).toBeGreaterThan(-1);
    expect(text.indexOf('<#C0SHOP>')).toBeLessThan(text.indexOf('<#C0OPS>'));
    expect(text).toContain('Last deployment message <!date^');
    expect(text).toContain('No deployment message yet');
    expect(text).toContain('*Billing API*');
    expect(text).toMatch(/paused\*: this channel was archived/);
    assertWithinBlockKitLimits({ text: 'home', blocks: view.blocks as never });
  });
});
