/**
 * Property: a valid signed sota.io delivery, mutated at random on the wire (body bytes, signature,
 * headers, framing and lengths, method and path), is accepted only when it still means the same
 * request; anything else is refused with a 4xx that shows no detail, stores nothing, reaches no
 * Slack, and leaves the app healthy.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../../src/sota/signature.js';
import { COLUMNS, propertyRuns, recordFigures, SECTIONS } from '../support/figures.js';
import { revealsInternals, secretsIn } from '../support/leak-checks.js';
import { deployBody, type SubscribedApp, startSubscribedApp } from '../support/subscribed-app.js';
import {
  ACCEPTED_TYPES,
  applyAll,
  hasTrailingBytes,
  meaningOf,
  mutationsArbitrary,
  originalDelivery,
  toWire,
} from '../support/webhook-mutations.js';
import { encode, sendWire, type WireAnswer } from '../support/wire-request.js';

const RUNS = propertyRuns(400, 3000);
const REFUSALS = new Set([400, 401, 404, 405, 413, 415]);

let s: SubscribedApp;
beforeAll(async () => {
  s = await startSubscribedApp();
});
afterAll(async () => s.t.stop());

const noteArbitrary = fc.string({ unit: 'binary', maxLength: 24 });

function expectRefusal(answer: WireAnswer | undefined, signatures: string[]): void {
  if (answer === undefined) return;
  expect(REFUSALS.has(answer.status), `status ${answer.status}`).toBe(true);
  expect(revealsInternals(answer.body)).toBe(false);
  expect(secretsIn(answer.body, [s.secret, ...signatures])).toEqual([]);
}

describe('mutated signed deliveries', () => {
  it('are accepted only when they mean the original request', async () => {
    const tally = { runs: 0, accepted: 0, refused: 0, noAnswer: 0 };
    const statuses = new Map<number, number>();
    const signatures: string[] = [];
    const eventsBefore = await s.t.store.countEvents();
    await fc.assert(
      fc.asyncProperty(mutationsArbitrary, noteArbitrary, async (mutations, note) => {
        const body = Buffer.from(deployBody(s.projectId, randomUUID(), 'deploy.started', { note }));
        const signature = signSotaPayload(s.secret, body);
        signatures.push(signature.slice('sha256='.length));
        const original = originalDelivery(s.hookId, body, signature);
        const mutated = applyAll(original, mutations);
        const same = meaningOf(mutated, ACCEPTED_TYPES) === meaningOf(original, ACCEPTED_TYPES);
        const incomplete = mutated.framing === 'length' && mutated.lengthDelta > 0;
        const answer = await sendWire(s.t.app.port, encode(toWire(mutated)), incomplete);
        tally.runs += 1;
        if (answer) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (same) {
          // Bytes after the request may be answered (400) first, and the connection closed on that.
          const answers = hasTrailingBytes(mutated) ? [202, 400, undefined] : [202];
          expect(answers, mutations.map((m) => m.label).join(' + ')).toContain(answer?.status);
          tally.accepted += 1;
        } else {
          expectRefusal(answer, signatures.slice(-1));
          if (answer) tally.refused += 1;
          else tally.noAnswer += 1;
        }
        expect((await fetch(`${s.t.url}/healthz`)).status).toBe(200);
      }),
      { numRuns: RUNS },
    );
    expect(await s.t.store.countEvents()).toBe(eventsBefore + tally.accepted);
    await s.t.app.worker.drain(20_000);
    expect(s.t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(tally.accepted);
    const leaked = secretsIn(s.t.logs.join('\n'), [s.secret, ...signatures]);
    expect(leaked).toEqual([]);
    recordFigures(SECTIONS.hostile, 'signed webhook, random wire mutations (property)', {
      [COLUMNS.runs]: tally.runs,
      'stored (same meaning)': tally.accepted,
      refused: tally.refused,
      'closed without answer': tally.noAnswer,
      statuses: [...statuses].map(([k, v]) => `${k}×${v}`).join(' '),
      [COLUMNS.secretsFound]: leaked.length,
    });
  });
});
