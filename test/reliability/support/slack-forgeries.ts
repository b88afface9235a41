/**
 * The signature headers of a request to /slack/events: the genuine ones, or a forgery (another
 * secret, a bad digest, a missing header, a timestamp in a non-canonical spelling signed over the
 * number it spells, or outside the five-minute window either way).
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';

const sign = (secret: string, timestamp: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export type Signer = (secret: string, body: string, nowS: number) => Record<string, string>;

export const genuine: Signer = (secret, body, nowS) => ({
  'x-slack-request-timestamp': String(nowS),
  'x-slack-signature': sign(secret, String(nowS), body),
});

const spelled = (label: string, spell: (t: number) => string): [string, Signer] => [
  label,
  (secret, body, nowS) => {
    const header = spell(nowS);
    return {
      'x-slack-request-timestamp': header,
      'x-slack-signature': sign(secret, String(Number(header)), body),
    };
  },
];

export const forgeryArbitrary: fc.Arbitrary<[string, Signer]> = fc.oneof(
  fc.constant<[string, Signer]>([
    'another secret',
    (_s, body, nowS) => genuine('not-the-secret-0123456789', body, nowS),
  ]),
  fc
    .stringMatching(/^[0-9a-f]{64}$/)
    .map((hex): [string, Signer] => [
      'random digest',
      (_s, _b, nowS) => ({ 'x-slack-request-timestamp': String(nowS), 'x-slack-signature': `v0=${hex}` }),
    ]),
  fc.constant<[string, Signer]>([
    'no signature',
    (s, body, nowS) => ({
      'x-slack-request-timestamp': genuine(s, body, nowS)['x-slack-request-timestamp'] ?? '',
    }),
  ]),
  fc.constant<[string, Signer]>([
    'no timestamp',
    (s, body, nowS) => ({ 'x-slack-signature': genuine(s, body, nowS)['x-slack-signature'] ?? '' }),
  ]),
  fc.constant(spelled('+T', (t) => `+${t}`)),
  fc.constant(spelled('T.0', (t) => `${t}.0`)),
  fc.constant(spelled('0T', (t) => `0${t}`)),
  fc.constant(spelled('1e10', () => '1e10')),
  fc.constant(spelled('T in ms, 13 digits', (t) => `${t}000`)),
  fc
    .constantFrom(-360, 360, 600, -3600)
    .map((d) => spelled(`T${d > 0 ? '+' : ''}${d}s`, (t) => String(t + d))),
);
