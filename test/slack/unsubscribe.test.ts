import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { deployEvent, hookIdOf, runCommand } from './slack-test-kit.js';

let t: TestApp;
let projectId: string;
beforeEach(async () => {
  t = await startTestApp();
  projectId = t.fakeSota.addProject({ name: 'Web Site', slug: 'web' }).id;
});
afterEach(async () => t.stop());

async function subscribedHook(channelId = 'C0CHANNEL') {
  await runCommand(t, 'subscribe web', { channelId });
  const webhook = t.fakeSota.webhooks[0];
  if (!webhook) throw new Error('no webhook registered');
  return { hookId: hookIdOf(webhook.url), secret: webhook.secret, sotaWebhookId: webhook.id };
}

describe('/sota unsubscribe', () => {
  it('removes the last subscription: the hook answers 410 and the remote webhook is deleted', async () => {
    const { hookId, secret, sotaWebhookId } = await subscribedHook();
    const answer = await runCommand(t, 'unsubscribe web', { userId: 'U7' });

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe('<@U7> unsubscribed this channel from *Web Site* (`web`).');
    expect(await t.store.getSubscription(TEST_TEAM, 'C0CHANNEL', projectId)).toBeUndefined();
    expect(await t.store.getHook(hookId)).toMatchObject({ status: 'retired', remoteDeleted: true });
    const deletes = t.fakeSota.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual([`/v1/projects/${projectId}/webhooks/${sotaWebhookId}`]);
    expect(t.fakeSota.webhooks).toEqual([]);
    const res = await t.sendWebhook(hookId, deployEvent(projectId), secret);
    expect(res.status).toBe(410);
  });

  it('keeps the hook while another channel still uses it', async () => {
    const { hookId, secret } = await subscribedHook('C1');
    await runCommand(t, 'subscribe web', { channelId: 'C2' });
    await runCommand(t, `unsubscribe ${projectId}`, { channelId: 'C1' });

    expect(await t.store.getHook(hookId)).toMatchObject({ status: 'active' });
    expect(t.fakeSota.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    const res = await t.sendWebhook(hookId, deployEvent(projectId), secret);
    expect(res.status).toBeLessThan(300);
    await t.waitFor(() => t.fakeSlack.messagesIn('C2').length === 1);
    expect(t.fakeSlack.messagesIn('C1')).toEqual([]);
  });

  it('lives with sota.io not deleting webhooks, and re-uses that hook on the next subscribe', async () => {
    t.fakeSota.deleteWebhookStatus = 405;
    const { hookId, secret } = await subscribedHook();
    await runCommand(t, 'unsubscribe web');
    expect(await t.store.getHook(hookId)).toMatchObject({ status: 'retired', remoteDeleted: false });
    expect((await t.sendWebhook(hookId, deployEvent(projectId), secret)).status).toBe(410);

    const again = await runCommand(t, 'subscribe web failed');
    expect(again.response_type).toBe('ephemeral');
    expect(t.fakeSota.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await t.store.getHook(hookId)).toMatchObject({ status: 'active' });
    expect(
      (await t.sendWebhook(hookId, deployEvent(projectId, 'deploy.failed'), secret)).status,
    ).toBeLessThan(300);
  });

  it('a failing remote delete still unsubscribes; the hook is retired and the failure logged', async () => {
    const { hookId } = await subscribedHook();
    t.fakeSota.failNext('DELETE *', { kind: 'status', status: 500 });
    const answer = await runCommand(t, 'unsubscribe web');
    expect(answer.response_type).toBe('ephemeral');
    expect(await t.store.getHook(hookId)).toMatchObject({ status: 'retired', remoteDeleted: false });
    expect(t.logs.some((l) => l.includes('could not delete the remote webhook'))).toBe(true);
  });

  it('a project this channel does not follow: says so and lists what it follows', async () => {
    await subscribedHook();
    const answer = await runCommand(t, 'unsubscribe api');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe(
      'This channel does not follow `api`. It follows: `web`. Use one of those with `/sota unsubscribe`.',
    );
    const empty = await runCommand(t, 'unsubscribe web', { channelId: 'C9' });
    expect(empty.text).toContain('It follows no sota.io project');
    expect(t.fakeSota.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});
