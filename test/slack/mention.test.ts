import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { CHANNEL, eventBody, subscribeShop } from './button-kit.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof subscribeShop>>;
beforeEach(async () => {
  t = await startTestApp();
  shop = await subscribeShop(t);
});
afterEach(async () => t.stop());

const mention = (text: string) => runCommand(t, `mention ${text}`, { channelId: CHANNEL });

describe('/sota mention', () => {
  it('mentions people and groups on a failure only, in a section and the text, never the header', async () => {
    const answer = await mention('shop <@U024BE7LH|alex> <!subteam^SAZ94GDB8|oncall> <!here>');
    expect(answer.response_type).toBe('ephemeral');
    expect(await t.store.getMentions(TEST_TEAM, CHANNEL, shop.projectId)).toEqual([
      '<@U024BE7LH>',
      '<!subteam^SAZ94GDB8>',
      '<!here>',
    ]);
    const ok = randomUUID();
    await t.sendWebhook(shop.hookId, eventBody(shop.projectId, ok, 'deploy.succeeded'), shop.secret);
    await t.sendWebhook(shop.hookId, eventBody(shop.projectId, randomUUID(), 'deploy.failed'), shop.secret);
    await t.waitFor(() => t.fakeSlack.messagesIn(CHANNEL).length === 2);
    const [success, failure] = t.fakeSlack.messagesIn(CHANNEL);
    expect(JSON.stringify(success)).not.toContain('U024BE7LH');
    expect(String(failure?.text)).toContain('<@U024BE7LH> <!subteam^SAZ94GDB8> <!here>');
    const blocks = failure?.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.find((b) => b.type === 'section' && b.text?.text.includes('<@U024BE7LH>'))).toBeDefined();
    expect(JSON.stringify(blocks[0])).not.toContain('U024BE7LH');
  });

  it.each(['@alex', 'alex', '<@U024BE7LH> @bob', '<https://evil.example|@alex>', '<!everyone>'])(
    'refuses %s with the usage, changing nothing',
    async (text) => {
      const answer = await mention(`shop ${text}`);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toContain('not a mention I can use');
      expect(await t.store.getMentions(TEST_TEAM, CHANNEL, shop.projectId)).toEqual([]);
    },
  );

  it('off removes it; a project the channel does not follow is refused', async () => {
    await mention('shop <@U024BE7LH>');
    expect((await mention('shop off')).text).toContain('Nobody is mentioned');
    expect(await t.store.getMentions(TEST_TEAM, CHANNEL, shop.projectId)).toEqual([]);
    expect((await mention('other <@U024BE7LH>')).text).toContain('does not follow');
  });
});
