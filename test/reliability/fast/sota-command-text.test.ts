/**
 * Property: whatever text follows `/sota`, the real app acks the command, and the person gets a
 * usable answer (a reply within Block Kit limits, or the connect modal) that echoes nothing that
 * could notify a channel and carries no secret.
 */
import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinBlockKitLimits } from '../../blocks/assert-block-kit-limits.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
  type TestApp,
} from '../../helpers/test-app.js';
import { propertyRuns, recordFigures, SECTIONS } from '../support/figures.js';
import { secretsIn } from '../support/leak-checks.js';

const RUNS = propertyRuns(60, 400);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.fakeSota.addProject({ name: 'web' });
});
afterAll(async () => t.stop());

const word = fc.oneof(
  fc.constantFrom('web', 'started', 'succeeded', 'failed', 'deploy.failed', 'WEB', 'nope', '*', '-'),
  fc.constantFrom('<!channel>', '<!here|here>', '<@U999>', '<http://evil.test|click>', '`x`', '&amp;', '```'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.integer({ min: 100, max: 3000 }).map((n) => 'x'.repeat(n)),
);
const subcommand = fc.constantFrom(
  'subscribe',
  'unsubscribe',
  'list',
  'test',
  'help',
  'connect',
  'disconnect',
  'SUBSCRIBE',
  'Help',
  'subscribe-me',
  '',
);
const separator = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000');
const commandText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(subcommand, fc.array(word, { maxLength: 4 }), separator)
    .map(([sub, words, sep]) => [sub, ...words].join(sep)),
);

function blocksOf(answer: Record<string, unknown>): KnownBlock[] | undefined {
  return Array.isArray(answer.blocks) ? (answer.blocks as KnownBlock[]) : undefined;
}

function expectUsable(answer: Record<string, unknown>): void {
  expect(typeof answer.text === 'string' && answer.text.trim() !== '').toBe(true);
  const blocks = blocksOf(answer);
  if (blocks) assertWithinBlockKitLimits({ text: answer.text as string, blocks });
  const json = JSON.stringify(answer);
  expect(json).not.toMatch(/<!(channel|here|everyone)|<@U999|<http:\/\/evil/);
  const hookSecrets = t.fakeSota.webhooks.map((w) => w.secret);
  expect(secretsIn(json, [TEST_SOTA_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, ...hookSecrets])).toEqual([]);
}

describe('/sota with any text', () => {
  it('is acked and answered usefully', async () => {
    const tally = { runs: 0, replies: 0, modals: 0 };
    await fc.assert(
      fc.asyncProperty(commandText, async (text) => {
        tally.runs += 1;
        const replies = t.responses.length;
        const modals = t.fakeSlack.callsTo('views.open').length;
        const res = await t.sendCommand(text, { channelId: 'C0PROP' });
        expect(res.status).toBe(200);
        await t.waitFor(
          () => t.responses.length > replies || t.fakeSlack.callsTo('views.open').length > modals,
        );
        if (t.responses.length > replies) {
          tally.replies += 1;
          expectUsable(t.responses[replies] as Record<string, unknown>);
        } else tally.modals += 1;
      }),
      { numRuns: RUNS },
    );
    const errors = t.logs.filter((l) => l.includes('"level":50'));
    expect(errors).toEqual([]);
    recordFigures(SECTIONS.hostile, '/sota command text (property, real app)', {
      runs: tally.runs,
      'usable replies': tally.replies,
      'connect modals': tally.modals,
      'error log lines': errors.length,
    });
  });

  it('never cuts an echoed word inside a character (an emoji at the cut)', async () => {
    for (const text of [
      `connect ${'a'.repeat(38)}🚀🚀`,
      `${'b'.repeat(38)}🚀🚀`,
      `subscribe web ${'c'.repeat(38)}🚀🚀`,
    ]) {
      const before = t.responses.length;
      expect((await t.sendCommand(text, { channelId: 'C0PROP' })).status).toBe(200);
      await t.waitFor(() => t.responses.length > before);
      const answer = t.responses[before] as Record<string, unknown>;
      expect(JSON.stringify(answer)).toContain('…');
      expectUsable(answer);
    }
  });
});
