import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Stable error codes for secrets at rest. */
export const SecretBoxErrorCode = {
  tampered: 'secret_tampered',
  unknownKey: 'secret_unknown_key',
  malformed: 'secret_malformed',
} as const;
export type SecretBoxErrorCode = (typeof SecretBoxErrorCode)[keyof typeof SecretBoxErrorCode];

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  /** Seals `plaintext`, bound to `context` (the row's identity) as associated data. */
  seal(plaintext: string, context: string): string;
  /** Opens a sealed value; throws SecretBoxError on tampering, a moved value or an unknown key. */
  open(sealed: string, context: string): string;
  /** True when `sealed` was made with a key other than the current one. */
  needsRotation(sealed: string): boolean;
}

const VERSION = 'v1';

/** A short public id for a key: the first 8 hex chars of SHA-256 over it. Never reveals the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('sota-slack key id').update(key).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM with a random 12-byte nonce per value. Format: `v1.<keyId>.<nonce>.<tag>.<ciphertext>` (base64url).
 * `previous` keys can still open values, so a key can be rotated without downtime.
 */
export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) {
    if (key.length !== 32)
      throw new SecretBoxError(SecretBoxErrorCode.malformed, 'encryption keys must be 32 bytes');
    keys.set(keyIdOf(key), key);
  }
  const keyId = keyIdOf(current);

  function seal(plaintext: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [nonce, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [VERSION, keyId, ...parts].join('.');
  }

  function open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new SecretBoxError(SecretBoxErrorCode.malformed, 'stored secret has an unknown format');
    }
    const [, id, nonce, tag, body] = parts as [string, string, string, string, string];
    const key = keys.get(id);
    if (!key) {
      throw new SecretBoxError(
        SecretBoxErrorCode.unknownKey,
        `stored secret was encrypted with key ${id}, which is not configured`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError(SecretBoxErrorCode.tampered, 'stored secret failed its integrity check');
    }
  }

  return {
    keyId,
    seal,
    open,
    needsRotation: (sealed) => sealed.split('.')[1] !== keyId,
  };
}
