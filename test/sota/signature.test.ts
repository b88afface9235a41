import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isValidSotaSignature,
  SignatureError,
  SignatureErrorCode,
  signSotaPayload,
  verifySotaSignature,
} from '../../src/sota/signature.js';

const SECRET = 'whsec_3f9a1c0d5e7b2a4c6e8f0a1b3c5d7e9f';
const BODY = Buffer.from(
  '{"event":"deploy.succeeded","project_id":"550e8400-e29b-41d4-a716-446655440000",' +
    '"deployment_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","timestamp":"2026-02-25T14:30:00Z",' +
    '"data":{"url":"https://my-app.sota.io","status":"running"}}',
);
const GOOD = signSotaPayload(SECRET, BODY);
const HEX = GOOD.slice('sha256='.length);

function codeOf(header: string | string[] | undefined, body: Buffer = BODY, secret = SECRET): string {
  try {
    verifySotaSignature({ secret, rawBody: body, header });
  } catch (err) {
    expect(err).toBeInstanceOf(SignatureError);
    expect(isValidSotaSignature({ secret, rawBody: body, header })).toBe(false);
    return (err as SignatureError).code;
  }
  expect(isValidSotaSignature({ secret, rawBody: body, header })).toBe(true);
  return 'ok';
}

describe('signSotaPayload', () => {
  it('matches the known-answer vector', () => {
    expect(signSotaPayload("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
    expect(signSotaPayload("It's a Secret to Everybody", Buffer.from('Hello, World!'))).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('keys the HMAC with the whole secret, whsec_ prefix included', () => {
    const withoutPrefix = createHmac('sha256', SECRET.slice('whsec_'.length)).update(BODY).digest('hex');
    const whole = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(GOOD).toBe(`sha256=${whole}`);
    expect(GOOD).not.toBe(`sha256=${withoutPrefix}`);
  });

  it('produces lowercase hex', () => {
    expect(GOOD).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});

describe('verifySotaSignature', () => {
  it('accepts its own signature and the upper-case spelling of it', () => {
    expect(codeOf(GOOD)).toBe('ok');
    expect(codeOf(`sha256=${HEX.toUpperCase()}`)).toBe('ok');
  });

  it('refuses a missing or empty header as missing', () => {
    expect(codeOf(undefined)).toBe(SignatureErrorCode.missing);
    expect(codeOf('')).toBe(SignatureErrorCode.missing);
  });

  const malformed: Array<[string, string | string[]]> = [
    ['the prefix alone', 'sha256='],
    ['bare hex without prefix', HEX],
    ['a sha1= prefix', `sha1=${HEX}`],
    ['a sha512= prefix', `sha512=${HEX}`],
    ['an upper-case SHA256= prefix', `SHA256=${HEX}`],
    ['63 hex digits', `sha256=${HEX.slice(0, 63)}`],
    ['65 hex digits', `sha256=${HEX}0`],
    ['a non-hex character at the end', `sha256=${HEX.slice(0, 63)}g`],
    ['a non-hex character in the middle', `sha256=${HEX.slice(0, 30)}z${HEX.slice(31)}`],
    ['the right digest in base64', `sha256=${Buffer.from(HEX, 'hex').toString('base64')}`],
    ['two signatures in one header', `${GOOD},${GOOD}`],
    ['two signatures joined as Node joins a repeated header', `${GOOD}, ${GOOD}`],
    ['the header twice (array)', [GOOD, GOOD]],
    ['a one-element array', [GOOD]],
    ['a leading space', ` ${GOOD}`],
    ['a trailing space', `${GOOD} `],
    ['a space after the prefix', `sha256= ${HEX}`],
    ['a space inside the digest', `sha256=${HEX.slice(0, 32)} ${HEX.slice(32)}`],
    ['a tab', `${GOOD}\t`],
    ['a newline', `${GOOD}\n`],
    ['a NUL byte', `${GOOD}\u0000`],
    ['a control character inside', `sha256=${HEX.slice(0, 10)}\u0001${HEX.slice(11)}`],
    ['a non-ASCII character', `sha256=${HEX.slice(0, 63)}é`],
    ['full-width digits', `sha256=${HEX.slice(0, 63)}\uff10`],
  ];
  it.each(malformed)('refuses %s as malformed', (_name, header) => {
    expect(codeOf(header)).toBe(SignatureErrorCode.malformed);
  });

  it('refuses a signature made with another secret', () => {
    expect(codeOf(signSotaPayload('whsec_other', BODY))).toBe(SignatureErrorCode.mismatch);
    expect(codeOf(GOOD, BODY, 'whsec_other')).toBe(SignatureErrorCode.mismatch);
  });

  it('refuses the right secret over a body that differs by one byte', () => {
    const changed = Buffer.from(BODY);
    changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 1;
    expect(codeOf(GOOD, changed)).toBe(SignatureErrorCode.mismatch);
    expect(codeOf(GOOD, Buffer.concat([BODY, Buffer.from(' ')]))).toBe(SignatureErrorCode.mismatch);
    expect(codeOf(GOOD, BODY.subarray(0, BODY.length - 1))).toBe(SignatureErrorCode.mismatch);
  });

  it('refuses a digest that differs only in its last bit', () => {
    const last = Number.parseInt(HEX.slice(-1), 16) ^ 1;
    expect(codeOf(`sha256=${HEX.slice(0, 63)}${last.toString(16)}`)).toBe(SignatureErrorCode.mismatch);
  });

  it('carries the code on the error and never the secret or the digest', () => {
    const err = (() => {
      try {
        verifySotaSignature({ secret: SECRET, rawBody: BODY, header: signSotaPayload('x', BODY) });
      } catch (e) {
        return e as SignatureError;
      }
      throw new Error('expected a SignatureError');
    })();
    expect(err.name).toBe('SignatureError');
    expect(err.code).toBe('mismatch');
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain(HEX);
  });
});

describe('body bytes', () => {
  const variants: Record<string, string> = {
    compact: '{"a":1,"s":"é"}',
    spaced: '{"a": 1, "s": "é"}',
    escaped: '{"a":1,"s":"\\u00e9"}',
    slash: '{"a":1,"s":"\\/"}',
    float: '{"a":1.0,"s":"é"}',
    duplicate: '{"a":1,"a":1,"s":"é"}',
    bigInteger: '{"a":12345678901234567890,"s":"é"}',
  };
  const names = Object.keys(variants);

  it.each(names)('the %s spelling verifies only against its own bytes', (name) => {
    const own = Buffer.from(variants[name] ?? '');
    const signature = signSotaPayload(SECRET, own);
    expect(isValidSotaSignature({ secret: SECRET, rawBody: own, header: signature })).toBe(true);
    for (const other of names.filter((n) => n !== name)) {
      const body = Buffer.from(variants[other] ?? '');
      expect(isValidSotaSignature({ secret: SECRET, rawBody: body, header: signature })).toBe(false);
    }
  });

  it('re-serialised JSON does not verify when the sender was not compact', () => {
    const sent = Buffer.from('{"a": 1, "s": "\\u00e9"}');
    const signature = signSotaPayload(SECRET, sent);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(sent.toString('utf8'))));
    expect(isValidSotaSignature({ secret: SECRET, rawBody: reserialised, header: signature })).toBe(false);
  });

  it('signs strings as their UTF-8 bytes', () => {
    expect(signSotaPayload(SECRET, 'é')).toBe(signSotaPayload(SECRET, Buffer.from([0xc3, 0xa9])));
    expect(signSotaPayload(SECRET, 'é')).not.toBe(signSotaPayload(SECRET, Buffer.from([0xe9])));
  });

  it('verifies invalid UTF-8 bytes exactly as they were signed', () => {
    const raw = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const header = signSotaPayload(SECRET, raw);
    expect(isValidSotaSignature({ secret: SECRET, rawBody: raw, header })).toBe(true);
    const lossy = Buffer.from(raw.toString('utf8'));
    expect(isValidSotaSignature({ secret: SECRET, rawBody: lossy, header })).toBe(false);
  });
});
