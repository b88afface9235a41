/**
 * Property: the real app, sent signed and forged requests of hostile shapes on /slack/events
 * (slash commands, interactions and events with null, arrays, numbers where objects belong,
 * repeated and missing fields, odd timestamps, huge and control-laden texts), never answers 5xx,
 * keeps serving after each, lets no forged one change anything, and answers every signed slash
 * command it accepts exactly once (through its response_url, or the connect modal it opens).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_SIGNING_SECRET, TEST_TEAM } from '../../helpers/test-app.js';
import { useAppWithSink } from '../support/app-with-sink.js';
import { propertyRuns, recordFigures, SECTIONS } from '../support/figures.js';
import { revealsInternals } from '../support/leak-checks.js';
import { forgeryArbitrary, genuine, type Signer } from '../support/slack-forgeries.js';
import { type SlackShape, slackShapeArbitrary } from '../support/slack-shapes.js';

const SIGNED_RUNS = propertyRuns(150, 1500);
const FORGED_RUNS = propertyRuns(100, 1000);

const ctx = useAppWithSink();
let caseNo = 0;

async function send(shape: SlackShape, signer: Signer): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = signer(
    TEST_SIGNING_SECRET,
    shape.body,
    Math.floor(Date.now() / 1000),
  );
  if (shape.contentType) headers['content-type'] = shape.contentType;
  const res = await fetch(`${ctx.t.url}/slack/events`, { method: 'POST', body: shape.body, headers });
  const answer = { status: res.status, body: await res.text() };
  expect(answer.status, shape.label).toBeLessThan(500);
  expect(revealsInternals(answer.body), shape.label).toBe(false);
  expect((await fetch(`${ctx.t.url}/healthz`)).status, `alive after ${shape.label}`).toBe(200);
  return answer;
}

/**
 * The response_url a connect modal carries to confirm in the channel once the key is stored, which is
 * the command's own (its trigger_id is whatever the request said, which a mutation may have replaced).
 */
function modalResponsePath(view: unknown): string | undefined {
  try {
    const parsed = (typeof view === 'string' ? JSON.parse(view) : view) as { private_metadata?: string };
    const meta = JSON.parse(parsed.private_metadata ?? '{}') as { responseUrl?: string };
    return meta.responseUrl ? new URL(meta.responseUrl).pathname : undefined;
  } catch {
    return undefined;
  }
}

/** Answers that arrived for one command: response_url posts to its path, plus a modal it opened. */
function answersFor(answer: NonNullable<SlackShape['answer']>): number {
  const posts = ctx.sink.bodies.filter((b) => b._path === answer.path).length;
  const modals = ctx.t.fakeSlack
    .callsTo('views.open')
    .filter((c) => c.result === 'ok' && modalResponsePath(c.body.view) === answer.path).length;
  return posts + modals;
}

const tallyOf = (statuses: Map<number, number>) =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');

describe('hostile requests on /slack/events', () => {
  it('forged ones are refused and change nothing, whatever their shape', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(slackShapeArbitrary, forgeryArbitrary, async (factory, [how, signer]) => {
        caseNo += 1;
        const shape = factory(caseNo, ctx.sink.url);
        const { status } = await send(shape, signer);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (shape.body !== 'ssl_check=1') expect(status, `${how}: ${shape.label}`).toBe(401);
      }),
      { numRuns: FORGED_RUNS },
    );
    const genuineList = `${ctx.sink.url}/answer/genuine`;
    const form = new URLSearchParams({
      team_id: TEST_TEAM,
      channel_id: 'C0HOSTILE',
      user_id: 'U0HOSTILE',
      command: '/sota',
      text: 'list',
      response_url: genuineList,
      trigger_id: 'tg',
    }).toString();
    expect(
      (
        await send(
          { label: 'genuine', contentType: 'application/x-www-form-urlencoded', body: form },
          genuine,
        )
      ).status,
    ).toBe(200);
    await ctx.t.waitFor(() => ctx.sink.bodies.length > 0);
    expect(ctx.sink.bodies.map((b) => b._path)).toEqual(['/answer/genuine']);
    expect(ctx.t.fakeSota.requests).toEqual([]);
    expect(ctx.t.fakeSlack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await ctx.t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
    expect(await ctx.t.store.getApiKey(TEST_TEAM)).toBeUndefined();
    recordFigures(SECTIONS.hostile, 'forged Slack requests of hostile shapes (property, real app)', {
      runs: FORGED_RUNS,
      statuses: tallyOf(statuses),
      '5xx': 0,
      'changes made': 0,
    });
  }, 120_000);

  it('signed ones get a 4xx or one answer, never a 5xx, and the app keeps serving', async () => {
    const statuses = new Map<number, number>();
    const accepted: Array<NonNullable<SlackShape['answer']>> = [];
    const refused: Array<NonNullable<SlackShape['answer']>> = [];
    await fc.assert(
      fc.asyncProperty(slackShapeArbitrary, async (factory) => {
        caseNo += 1;
        const shape = factory(caseNo, ctx.sink.url);
        const { status } = await send(shape, genuine);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (shape.answer) (status === 200 ? accepted : refused).push(shape.answer);
      }),
      { numRuns: SIGNED_RUNS },
    );
    await ctx.t.waitFor(() => accepted.every((a) => answersFor(a) >= 1), 30_000);
    await ctx.t.app.worker.drain(10_000);
    expect(accepted.map(answersFor)).toEqual(accepted.map(() => 1));
    expect(refused.map(answersFor)).toEqual(refused.map(() => 0));
    const policyLines = ctx.t.logs.filter((l) => /request failed|outside any request/.test(l));
    expect(policyLines).toEqual([]);
    recordFigures(SECTIONS.hostile, 'signed Slack requests of hostile shapes (property, real app)', {
      runs: SIGNED_RUNS,
      statuses: tallyOf(statuses),
      '5xx': 0,
      'slash commands accepted': accepted.length,
      'answered exactly once': accepted.filter((a) => answersFor(a) === 1).length,
      'refused, answered': refused.filter((a) => answersFor(a) > 0).length,
    });
  }, 180_000);
});
