/**
 * Property: any signed sota.io payload the app accepts — any strings in `data`, any project name,
 * any order of events — reaches Slack only as messages and thread replies within every Block Kit
 * limit; a payload over 64 KiB is refused (413) and nothing of it is posted.
 */
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinBlockKitLimits } from '../../blocks/assert-block-kit-limits.js';
import { anyString } from '../../blocks/message-arbitraries.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { hookIdOf, runCommand } from '../../slack/slack-test-kit.js';
import { propertyRuns, recordFigures, SECTIONS } from '../support/figures.js';
import { deployBody } from '../support/subscribed-app.js';

const RUNS = propertyRuns(40, 300);
const LIMIT = 64 * 1024;
const PROJECT_NAMES = [
  'x'.repeat(5000),
  '<!channel> *bold* `code` &amp; 🚀 '.repeat(40),
  '\u202Eevil\u0000name\uD800',
  'web',
];

interface Hook {
  hookId: string;
  secret: string;
  projectId: string;
}

let t: TestApp;
let hooks: Hook[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const [i, name] of PROJECT_NAMES.entries()) {
    const project = t.fakeSota.addProject({ name, slug: `p${i}` });
    await runCommand(t, `subscribe p${i}`, { channelId: `C0ANY${i}` });
    const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id)!;
    hooks.push({ hookId: hookIdOf(webhook.url), secret: webhook.secret, projectId: project.id });
  }
});
afterAll(async () => {
  await t.stop();
  hooks = [];
});

const anyData = fc.record(
  {
    url: fc.oneof(fc.webUrl({ withQueryParameters: true }), anyString),
    status: anyString,
    error_message: fc.oneof(anyString, fc.constant(null)),
    error: fc.oneof(anyString, fc.constant(null)),
    extra: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);
const anyTimestamp = fc.date({
  min: new Date(Date.now() - 3_600_000),
  max: new Date(Date.now() + 60_000),
  noInvalidDate: true,
});
const anyEvents = fc.array(
  fc.tuple(fc.constantFrom('deploy.started', 'deploy.succeeded', 'deploy.failed'), anyData, anyTimestamp),
  { minLength: 1, maxLength: 3 },
);

function slackMessagesSent(): Array<{ text: string; blocks: KnownBlock[] }> {
  return t.fakeSlack.calls
    .filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update')
    .map((c) => ({ text: c.body.text as string, blocks: c.body.blocks as KnownBlock[] }));
}

describe('any accepted payload', () => {
  it('renders within Block Kit limits, in the message and in its thread', async () => {
    const tally = { runs: 0, events: 0, accepted: 0, tooLarge: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(hooks.length - 1), anyEvents, async (which, events) => {
        tally.runs += 1;
        const hook = hooks[which]!;
        const deploymentId = randomUUID();
        for (const [event, data, at] of events) {
          const body = deployBody(hook.projectId, deploymentId, event, data, at);
          const res = await t.sendWebhook(hook.hookId, body, hook.secret);
          tally.events += 1;
          const size = Buffer.byteLength(body);
          expect(res.status).toBe(size > LIMIT ? 413 : 202);
          if (size > LIMIT) tally.tooLarge += 1;
          else tally.accepted += 1;
        }
      }),
      { numRuns: RUNS },
    );
    await t.app.worker.drain(60_000);
    const sent = slackMessagesSent();
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) assertWithinBlockKitLimits(message);
    expect(t.fakeSlack.calls.filter((c) => c.result !== 'ok')).toEqual([]);
    recordFigures(SECTIONS.hostile, 'any payload rendered for Slack (property, real app)', {
      runs: tally.runs,
      'events sent': tally.events,
      accepted: tally.accepted,
      'refused 413': tally.tooLarge,
      'Slack messages checked': sent.length,
      'over a limit': 0,
    });
  });
});
