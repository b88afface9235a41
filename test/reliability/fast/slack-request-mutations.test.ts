/**
 * Requests that claim to come from Slack: forged (any byte, signature or timestamp changed),
 * stale, and replayed. Only an exact signed request within Slack's five-minute window is acted on,
 * and replaying one inside the window changes nothing more than the first delivery did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signSlackBody } from '../../helpers/slack-signing.js';
import { TEST_SIGNING_SECRET, TEST_TEAM, waitFor } from '../../helpers/test-app.js';
import { useAppWithSink } from '../support/app-with-sink.js';
import { propertyRuns, recordFigures, SECTIONS } from '../support/figures.js';
import { revealsInternals, secretsIn } from '../support/leak-checks.js';
import {
  applySlackMutations,
  slackMeaning,
  slackMutationsArbitrary,
  slackRequest,
  slackWire,
} from '../support/slack-mutations.js';
import { encode, sendWire } from '../support/wire-request.js';

const RUNS = propertyRuns(200, 1500);

const ctx = useAppWithSink();

function commandForm(text: string, responsePath: string): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEST_TEAM,
    channel_id: 'C0REPLAY',
    user_id: 'U0USER',
    command: '/sota',
    text,
    api_app_id: 'A0APP',
    response_url: `${ctx.sink.url}${responsePath}`,
    trigger_id: 'trigger-1',
  }).toString();
}

describe('forged Slack requests', () => {
  it('are acted on only when body, timestamp and signature are exactly the signed ones', async () => {
    const tally = { runs: 0, accepted: 0, refused: 0 };
    const before = ctx.sink.bodies.length;
    await fc.assert(
      fc.asyncProperty(slackMutationsArbitrary, async (mutations) => {
        tally.runs += 1;
        const form = commandForm('list', `/forged/${tally.runs}`);
        const original = slackRequest(form, signSlackBody(TEST_SIGNING_SECRET, form));
        const mutated = applySlackMutations(original, mutations);
        const answer = await sendWire(ctx.t.app.port, encode(slackWire(mutated)));
        const labels = mutations.map((m) => m.label).join(' + ');
        if (slackMeaning(mutated) === slackMeaning(original)) {
          expect(answer?.status, labels).toBe(200);
          tally.accepted += 1;
          return;
        }
        expect(answer?.status, labels).toBe(401);
        expect(revealsInternals(answer?.body ?? '')).toBe(false);
        tally.refused += 1;
      }),
      { numRuns: RUNS },
    );
    // A genuine request after all the forged ones: once its answer is in, every earlier one is too.
    const form = commandForm('list', '/genuine');
    const genuine = slackRequest(form, signSlackBody(TEST_SIGNING_SECRET, form));
    expect((await sendWire(ctx.t.app.port, encode(slackWire(genuine))))?.status).toBe(200);
    await waitFor(() => ctx.sink.bodies.length >= before + tally.accepted + 1);
    expect(ctx.sink.bodies.length - before).toBe(tally.accepted + 1);
    expect(ctx.t.fakeSota.requests).toEqual([]);
    expect(secretsIn(ctx.t.logs.join('\n'), [TEST_SIGNING_SECRET])).toEqual([]);
    recordFigures(SECTIONS.hostile, 'signed Slack request, random mutations (property)', {
      runs: tally.runs,
      'accepted (exact original)': tally.accepted,
      'refused 401': tally.refused,
      'answers sent for refused requests': ctx.sink.bodies.length - before - tally.accepted - 1,
    });
  });
});

describe('stale and replayed Slack requests', () => {
  it('a genuine /sota subscribe replayed five times inside the window registers one webhook', async () => {
    const form = commandForm('subscribe web', '/replay');
    const signed = signSlackBody(TEST_SIGNING_SECRET, form);
    const wire = encode(slackWire(slackRequest(form, signed)));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await sendWire(ctx.t.app.port, wire))?.status);
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    const replayed = () => ctx.sink.bodies.filter((b) => String(b._path).endsWith('/replay'));
    await waitFor(() => replayed().filter((b) => b.response_type === 'ephemeral').length === 5);
    expect(ctx.t.fakeSota.webhooks).toHaveLength(1);
    expect(await ctx.t.store.listSubscriptions({ teamId: TEST_TEAM })).toHaveLength(1);
  });

  it('the same request signed six minutes ago, or six minutes ahead, is refused and does nothing', async () => {
    const form = commandForm('unsubscribe web', '/stale');
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 360, now + 360]) {
      const wire = encode(slackWire(slackRequest(form, signSlackBody(TEST_SIGNING_SECRET, form, timestamp))));
      expect((await sendWire(ctx.t.app.port, wire))?.status).toBe(401);
    }
    const genuine = commandForm('list', '/after-stale');
    const signed = signSlackBody(TEST_SIGNING_SECRET, genuine);
    const before = ctx.sink.bodies.length;
    expect((await sendWire(ctx.t.app.port, encode(slackWire(slackRequest(genuine, signed)))))?.status).toBe(
      200,
    );
    await waitFor(() => ctx.sink.bodies.length > before);
    expect(ctx.sink.bodies.length).toBe(before + 1);
    expect(await ctx.t.store.listSubscriptions({ teamId: TEST_TEAM })).toHaveLength(1);
    recordFigures(SECTIONS.tenancy, 'Slack request replayed in the window / stale / ahead', {
      replays: 5,
      'webhooks registered': ctx.t.fakeSota.webhooks.length,
      'stale or ahead refused': 2,
    });
  });
});
