import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from '../../src/crypto/secret-box.js';

const key = randomBytes(32);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof SecretBoxError ? err.code : 'other';
  }
  return undefined;
}

describe('createSecretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('whsec_top-secret', 'hook:h1');
    expect(sealed).not.toContain('whsec');
    expect(sealed.startsWith(`v1.${box.keyId}.`)).toBe(true);
    expect(box.open(sealed, 'hook:h1')).toBe('whsec_top-secret');
  });

  it('uses a fresh nonce for every value', () => {
    const box = createSecretBox(key);
    expect(box.seal('same', 'ctx')).not.toBe(box.seal('same', 'ctx'));
  });

  it('refuses a tampered ciphertext, tag or nonce instead of returning garbage', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('xoxb-token', 'bot-token:T1');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString('base64url');
      expect(codeOf(() => box.open(tampered.join('.'), 'bot-token:T1'))).toBe('secret_tampered');
    }
  });

  it('refuses a value moved to another row (associated data)', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('xoxb-token', 'bot-token:T1');
    expect(codeOf(() => box.open(sealed, 'bot-token:T2'))).toBe('secret_tampered');
  });

  it('says which key is missing and opens values of a previous key after rotation', () => {
    const oldBox = createSecretBox(key);
    const sealed = oldBox.seal('sota_key', 'api-key:T1');
    const newKey = randomBytes(32);
    expect(codeOf(() => createSecretBox(newKey).open(sealed, 'api-key:T1'))).toBe('secret_unknown_key');
    const rotating = createSecretBox(newKey, [key]);
    expect(rotating.open(sealed, 'api-key:T1')).toBe('sota_key');
    expect(rotating.needsRotation(sealed)).toBe(true);
    expect(rotating.needsRotation(rotating.seal('x', 'c'))).toBe(false);
  });

  it('rejects malformed values and keys of the wrong size', () => {
    const box = createSecretBox(key);
    expect(codeOf(() => box.open('plain', 'c'))).toBe('secret_malformed');
    expect(codeOf(() => box.open('v2.a.b.c.d', 'c'))).toBe('secret_malformed');
    expect(codeOf(() => createSecretBox(Buffer.alloc(16)))).toBe('secret_malformed');
  });
});
