import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a sota.io signature was refused. All three answer the same 401 at the HTTP edge. */
export const SignatureErrorCode = {
  missing: 'missing',
  malformed: 'malformed',
  mismatch: 'mismatch',
} as const;
export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

export class SignatureError extends Error {
  constructor(readonly code: SignatureErrorCode) {
    super(`sota.io signature ${code}`);
    this.name = 'SignatureError';
  }
}

export interface SignatureInput {
  /** The hook's whole `whsec_…` secret: its UTF-8 bytes are the HMAC key. */
  secret: string;
  rawBody: Buffer; // exactly as received
  header: string | string[] | undefined; // X-Sota-Signature as Node hands it over
}

const HEADER_SHAPE = /^sha256=[0-9a-fA-F]{64}$/;

function digest(secret: string, body: Buffer | string): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(bytes).digest();
}

/** `sha256=<lowercase hex>`: HMAC-SHA256 of the exact body bytes, keyed with the secret. */
export function signSotaPayload(secret: string, body: Buffer | string): string {
  return `sha256=${digest(secret, body).toString('hex')}`;
}

/** Throws SignatureError unless `header` is one `sha256=` + 64 hex digits (either case) matching `rawBody`. */
export function verifySotaSignature(input: SignatureInput): void {
  const { header } = input;
  if (header === undefined || header === '') throw new SignatureError(SignatureErrorCode.missing);
  if (typeof header !== 'string' || !HEADER_SHAPE.test(header)) {
    throw new SignatureError(SignatureErrorCode.malformed);
  }
  // The shape check makes both digests 32 bytes long before the constant-time compare.
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = digest(input.secret, input.rawBody);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SignatureError(SignatureErrorCode.mismatch);
  }
}

export function isValidSotaSignature(input: SignatureInput): boolean {
  try {
    verifySotaSignature(input);
    return true;
  } catch {
    return false;
  }
}
