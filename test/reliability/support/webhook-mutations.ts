/**
 * Random mutations of a valid signed sota.io delivery, and an oracle that says whether the
 * mutated request still means the same thing to an HTTP server (then it must be accepted) or not
 * (then it must be refused). Equivalent spellings the server may not tell apart — header name
 * case, whitespace around a value, upper-case hex digits, a query string, chunked framing, an
 * allowed content type — count as the original.
 */
import fc from 'fast-check';
import type { DeliveryModel, Mutation } from './delivery-model.js';
import {
  bodyMutations,
  framingMutations,
  headerMutations,
  requestLineMutations,
  signatureMutations,
} from './webhook-mutation-families.js';

export { type DeliveryModel, type Mutation, originalDelivery, toWire } from './delivery-model.js';
export { ACCEPTED_TYPES } from './webhook-mutation-families.js';

const SIGNATURE = 'x-sota-signature';
const trimOws = (v: string) => v.replace(/^[ \t]+|[ \t]+$/g, '');

function valuesOf(m: DeliveryModel, name: string): string[] {
  return m.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => trimOws(v));
}

function signatureMeaning(m: DeliveryModel): string {
  const values = valuesOf(m, SIGNATURE);
  if (values.length !== 1) return `count:${values.length}`;
  const [value = ''] = values;
  return /^sha256=[0-9a-fA-F]{64}$/.test(value) ? value.toLowerCase() : `bad:${value}`;
}

/** The body bytes of the first request the server reads (what follows them is another request). */
function bodyMeaning(m: DeliveryModel): string {
  if (m.framing === 'chunked') return m.body.toString('hex');
  if (m.framing === 'none') return '';
  if (m.lengthDelta > 0) return 'incomplete';
  return m.body.subarray(0, m.body.length + m.lengthDelta).toString('hex');
}

/**
 * True when bytes follow the first request on the connection (a Content-Length shorter than the
 * body, or a body without framing). The server reads them as a second, malformed request and may
 * answer that one's 400 (and close) before the first request's own answer is written.
 */
export function hasTrailingBytes(m: DeliveryModel): boolean {
  if (m.framing === 'chunked') return false;
  if (m.framing === 'none') return m.body.length > 0;
  return m.lengthDelta < 0;
}

/** What decides acceptance, as one comparable string. */
export function meaningOf(m: DeliveryModel, allowedTypes: ReadonlySet<string>): string {
  const types = valuesOf(m, 'content-type');
  const encodings = valuesOf(m, 'content-encoding');
  return JSON.stringify({
    method: m.method,
    path: m.path,
    signature: signatureMeaning(m),
    type: types.every((t) => allowedTypes.has(t)) && types.length <= 1,
    encoding: encodings.every((e) => e.toLowerCase() === 'identity') && encodings.length <= 1,
    body: bodyMeaning(m),
  });
}

/** One to three mutations from every family, applied in order. */
export const mutationsArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { arbitrary: fc.oneof(...bodyMutations), weight: 3 },
    { arbitrary: fc.oneof(...signatureMutations), weight: 3 },
    { arbitrary: fc.oneof(...headerMutations), weight: 2 },
    { arbitrary: fc.oneof(...framingMutations), weight: 2 },
    { arbitrary: fc.oneof(...requestLineMutations), weight: 1 },
  ),
  { minLength: 1, maxLength: 3 },
);

export function applyAll(original: DeliveryModel, mutations: readonly Mutation[]): DeliveryModel {
  return mutations.reduce((m, mutation) => mutation.apply(m), original);
}
