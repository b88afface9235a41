import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseKey } from '../config/parse-key.js';

/** A key file that exists but holds no key. */
export class KeyFileError extends Error {
  readonly code = 'key_file_invalid';
  override name = 'KeyFileError';
}

/**
 * Loads the embedded default's key file, creating it (mode 0600) on first use.
 * Returns the key and whether it was created now, so the caller can say so once.
 */
export function loadOrCreateKeyFile(path: string): { key: Buffer; created: boolean } {
  if (existsSync(path)) {
    const key = parseKey(readFileSync(path, 'utf8'));
    if (!key) throw new KeyFileError(`the key file ${path} does not hold a 32-byte key (base64 or hex)`);
    return { key, created: false };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, created: true };
}
