import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.stop());

describe('/sota help', () => {
  it.each(['help', '', 'frobnicate'])('"%s" shows usage with examples, only to the user', async (text) => {
    const answer = await runCommand(t, text);
    expect(answer.response_type).toBe('ephemeral');
    for (const usage of [
      '/sota subscribe &lt;project&gt; [events…]',
      '/sota unsubscribe &lt;project&gt;',
      '/sota list',
      '/sota connect',
      '/sota disconnect',
      '/sota test &lt;project&gt;',
    ]) {
      expect(answer.text).toContain(usage);
    }
    expect(answer.text).toContain('`/sota subscribe my-app failed`');
    expect(t.fakeSota.requests).toEqual([]);
  });

  it('a wrong command says what was wrong before the usage', async () => {
    const answer = await runCommand(t, 'subscribe my-app deployed');
    expect(answer.text).toMatch(/^:warning: `deployed` is not an event I know/);
    const unknown = await runCommand(t, 'frobnicate');
    expect(unknown.text).toMatch(/^:warning: I don't know the command `frobnicate`/);
  });
});

describe('/sota list', () => {
  it('with no subscription, says how to add one', async () => {
    const answer = await runCommand(t, 'list');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('follows no sota.io project yet');
    expect(answer.text).toContain('/sota subscribe my-app');
  });

  it('shows this channel’s projects, filters and a paused one with why and how to resume', async () => {
    const web = t.fakeSota.addProject({ name: 'Web Site', slug: 'web' });
    t.fakeSota.addProject({ name: 'api' });
    await runCommand(t, 'subscribe web failed');
    await runCommand(t, 'subscribe api');
    await runCommand(t, 'subscribe api', { channelId: 'COTHER' });
    await t.store.pauseSubscriptions(
      { teamId: TEST_TEAM, channelId: 'C0CHANNEL', projectId: web.id },
      'not_in_channel',
    );

    const answer = await runCommand(t, 'list');
    const urlOf = (projectId: string) => t.fakeSota.webhooks.find((w) => w.projectId === projectId)?.url;
    const api = t.fakeSota.projects.find((p) => p.slug === 'api')!;
    expect(answer.text).toBe(
      [
        '*This channel follows 2 sota.io projects:*',
        '• *api* — started, succeeded, failed',
        `    subscribed by <@U0USER> · webhook \`${urlOf(api.id)}\``,
        '• *Web Site* (`web`) — failed — :double_vertical_bar: *paused*: I was removed from this channel. `/sota subscribe web` resumes it.',
        `    subscribed by <@U0USER> · last error \`not_in_channel\` · webhook \`${urlOf(web.id)}\``,
        'No message posted here yet',
      ].join('\n'),
    );
    expect(answer.blocks?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('/sota test', () => {
  it('posts a sample deployment message marked as a test in the channel', async () => {
    t.fakeSota.addProject({ name: 'Web Site', slug: 'web' });
    const answer = await runCommand(t, 'test web', { channelId: 'C3' });
    expect(answer.text).toContain('Posted a sample deployment message for *Web Site*');
    const [message] = t.fakeSlack.messagesIn('C3');
    expect(String(message?.text)).toMatch(/^\[Test\] /);
    expect(JSON.stringify(message?.blocks)).toContain('Test message');
    expect(JSON.stringify(message?.blocks)).toContain('Web Site');
    expect(t.fakeSota.webhooks).toEqual([]);
  });

  it('an unknown project: says so and posts nothing', async () => {
    const answer = await runCommand(t, 'test nope');
    expect(answer.text).toContain('could not find a sota.io project `nope`');
    expect(t.fakeSlack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('Slack refusing the post: says why and how to invite the bot', async () => {
    t.fakeSota.addProject({ name: 'web' });
    t.fakeSlack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const answer = await runCommand(t, 'test web');
    expect(answer.text).toContain('`not_in_channel`');
    expect(answer.text).toContain('/invite @sota');
  });
});

describe('/sota list webhook URL', () => {
  it('shows where sota.io delivers each project, without any secret', async () => {
    t.fakeSota.addProject({ name: 'Web', slug: 'web' });
    await runCommand(t, 'subscribe web');
    const answer = await runCommand(t, 'list');
    const webhook = t.fakeSota.webhooks[0]!;
    expect(answer.text).toContain(`webhook \`${webhook.url}\``);
    expect(JSON.stringify(answer)).not.toContain(webhook.secret);
  });
});
