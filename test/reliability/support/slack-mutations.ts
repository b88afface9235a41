/**
 * Random mutations of a genuine signed Slack request (body bytes, X-Slack-Signature,
 * X-Slack-Request-Timestamp), and the oracle: Slack's v0 scheme accepts a request only when the
 * body, timestamp and signature are exactly the signed ones (header name case and surrounding
 * whitespace aside).
 */
import fc from 'fast-check';
import type { WireRequest } from './wire-request.js';

export interface SlackModel {
  headers: Array<[string, string]>;
  body: Buffer;
}

export interface SlackMutation {
  label: string;
  apply(m: SlackModel): SlackModel;
}

const SIGNATURE = 'x-slack-signature';
const TIMESTAMP = 'x-slack-request-timestamp';
const trimOws = (v: string) => v.replace(/^[ \t]+|[ \t]+$/g, '');

export function slackRequest(body: string, signed: Record<string, string>): SlackModel {
  return {
    body: Buffer.from(body),
    headers: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['X-Slack-Signature', signed['x-slack-signature'] ?? ''],
      ['X-Slack-Request-Timestamp', signed['x-slack-request-timestamp'] ?? ''],
    ],
  };
}

export function slackWire(m: SlackModel): WireRequest {
  return {
    method: 'POST',
    target: '/slack/events',
    headers: m.headers,
    body: m.body,
    framing: { kind: 'length', value: m.body.length },
  };
}

export function slackMeaning(m: SlackModel): string {
  const values = (name: string) =>
    m.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => trimOws(v));
  return JSON.stringify({ sig: values(SIGNATURE), ts: values(TIMESTAMP), body: m.body.toString('hex') });
}

const mapHeader = (label: string, name: string, f: (v: string) => string | undefined): SlackMutation => ({
  label,
  apply: (m) => ({
    ...m,
    headers: m.headers.flatMap(([n, v]): Array<[string, string]> => {
      if (n.toLowerCase() !== name) return [[n, v]];
      const next = f(v);
      return next === undefined ? [] : [[n, next]];
    }),
  }),
});

const withBody = (label: string, f: (b: Buffer) => Buffer): SlackMutation => ({
  label,
  apply: (m) => ({ ...m, body: f(m.body) }),
});

const hexDigit = fc.constantFrom(...'0123456789abcdef'.split(''));
const idx = (b: Buffer, i: number) => (b.length === 0 ? 0 : i % b.length);

const mutations: fc.Arbitrary<SlackMutation>[] = [
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([i, x]) =>
    withBody(`flip body byte ${i}^${x}`, (b) => {
      const c = Buffer.from(b);
      if (c.length > 0) c[idx(b, i)] = (c[idx(b, i)] ?? 0) ^ x;
      return c;
    }),
  ),
  fc
    .nat()
    .map((i) =>
      withBody(`delete body byte ${i}`, (b) =>
        Buffer.concat([b.subarray(0, idx(b, i)), b.subarray(idx(b, i) + 1)]),
      ),
    ),
  fc
    .string({ maxLength: 20 })
    .map((s) => withBody(`append ${JSON.stringify(s)}`, (b) => Buffer.concat([b, Buffer.from(s)]))),
  fc
    .constantFrom('text=list', 'team_id=T0TEST', 'command=%2Fsota')
    .map((field) =>
      withBody(`duplicate field ${field}`, (b) => Buffer.concat([b, Buffer.from(`&${field}`)])),
    ),
  fc
    .tuple(fc.integer({ min: 3, max: 66 }), hexDigit)
    .map(([i, d]) =>
      mapHeader(`signature char ${i} -> ${d}`, SIGNATURE, (v) => `${v.slice(0, i)}${d}${v.slice(i + 1)}`),
    ),
  fc.constant(mapHeader('upper-case signature hex', SIGNATURE, (v) => `v0=${v.slice(3).toUpperCase()}`)),
  fc
    .constantFrom('v1=', 'V0=', '', 'sha256=')
    .map((p) => mapHeader(`signature prefix ${p}`, SIGNATURE, (v) => `${p}${v.slice(3)}`)),
  fc.constant(mapHeader('drop signature', SIGNATURE, () => undefined)),
  fc.constant(mapHeader('drop timestamp', TIMESTAMP, () => undefined)),
  fc
    .constantFrom(-301, -60, -1, 1, 60, 301)
    .map((d) => mapHeader(`timestamp ${d > 0 ? '+' : ''}${d}s`, TIMESTAMP, (v) => String(Number(v) + d))),
  fc
    .constantFrom('abc', '', '1e9', '-1', '0')
    .map((v) => mapHeader(`timestamp ${JSON.stringify(v)}`, TIMESTAMP, () => v)),
  fc
    .constantFrom(' ', '\t')
    .map((s) => mapHeader('spaces around the signature', SIGNATURE, (v) => `${s}${v}${s}`)),
  fc.constant({
    label: 'signature header names in upper case',
    apply: (m: SlackModel) => ({
      ...m,
      headers: m.headers.map(([n, v]): [string, string] => [n.toUpperCase(), v]),
    }),
  }),
];

export const slackMutationsArbitrary = fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 3 });

export function applySlackMutations(m: SlackModel, list: readonly SlackMutation[]): SlackModel {
  return list.reduce((acc, mutation) => mutation.apply(acc), m);
}
