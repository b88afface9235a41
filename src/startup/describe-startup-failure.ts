import { dirname } from 'node:path';
import type { StoreConfig } from '../config/load-config.js';
import { SecretBoxError, SecretBoxErrorCode } from '../crypto/secret-box.js';
import { keyFilePath } from '../store/open-store.js';
import { fsReason } from './describe-fs-failure.js';
import { describePostgresFailure } from './describe-postgres-failure.js';
import { describeSqliteFailure } from './describe-sqlite-failure.js';
import { errorCode, errorMessage, StartupError } from './startup-error.js';

function describeKeyFile(cause: unknown, path: string): string {
  if (errorCode(cause) === 'key_file_invalid') {
    return `the key file ${path} does not hold a 32-byte key: restore it from your backup, or set ENCRYPTION_KEY to the key the data was written with`;
  }
  const reason = fsReason(cause) ?? errorMessage(cause);
  return `the key file ${path} cannot be read or created (${reason}): make ${dirname(path)} writable by this user, or set ENCRYPTION_KEY (a 32-byte key, e.g. from \`openssl rand -base64 32\`)`;
}

function describeSecrets(cause: unknown, config: StoreConfig): string {
  const key = config.encryptionKey
    ? 'ENCRYPTION_KEY'
    : `ENCRYPTION_KEY (or the key file ${keyFileOf(config)})`;
  if (cause instanceof SecretBoxError && cause.code === SecretBoxErrorCode.unknownKey) {
    return `ENCRYPTION_KEY: ${cause.message}: set ENCRYPTION_KEY to the key the data was written with, or that key as ENCRYPTION_KEY_PREVIOUS during a rotation`;
  }
  return `ENCRYPTION_KEY: a stored secret does not open (${errorMessage(cause)}): ${key} is not the key the data was written with, or the database was altered; set the right key or restore a backup`;
}

function describeListen(cause: unknown, config: StoreConfig): string {
  const port = (cause as { port?: unknown }).port ?? config.port;
  const code = errorCode(cause);
  if (code === 'EADDRINUSE') {
    return `PORT ${port} is already in use by another process: stop that process, or set PORT to a free port`;
  }
  if (code === 'EACCES') {
    return `PORT ${port} needs privileges this process does not have: use a port above 1023 and let the platform or a proxy map 80/443 to it`;
  }
  return `PORT ${port}: the HTTP server could not listen (${errorMessage(cause)})`;
}

function keyFileOf(config: StoreConfig): string {
  return config.database.kind === 'sqlite' ? keyFilePath(config.database.path) : 'sota-slack.key';
}

/**
 * The one line that ends a failed start: what failed, the setting or path it concerns, and the likely fix.
 * Never a secret: PostgreSQL URLs are reduced to host, port, database and user.
 */
export function describeStartupFailure(err: unknown, config: StoreConfig): string {
  if (!(err instanceof StartupError)) return errorMessage(err);
  const { stage, cause } = err;
  if (stage === 'key') return describeKeyFile(cause, keyFileOf(config));
  if (stage === 'secrets') return describeSecrets(cause, config);
  if (stage === 'listen') return describeListen(cause, config);
  return config.database.kind === 'sqlite'
    ? describeSqliteFailure(stage, cause, config.database.path)
    : describePostgresFailure(stage, cause, config.database.url);
}
