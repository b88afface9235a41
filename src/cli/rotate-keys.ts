/**
 * `sota-slack rotate-keys`: re-encrypts every stored secret with ENCRYPTION_KEY. Run it after setting the new
 * key as ENCRYPTION_KEY and the old one as ENCRYPTION_KEY_PREVIOUS; afterwards the previous key can go.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadStoreConfig } from '../config/load-config.js';
import { createLogger } from '../log/logger.js';
import { describeStartupFailure } from '../startup/describe-startup-failure.js';
import { atStage } from '../startup/startup-error.js';
import { openStore, resolveSecretBox } from '../store/open-store.js';

/** Rotates every sealed value to the current key; returns how many values were re-encrypted. */
export async function rotateKeys(env: NodeJS.ProcessEnv): Promise<number> {
  const config = loadStoreConfig(env);
  const logger = createLogger('warn');
  const secretBox = await atStage('key', () => resolveSecretBox(config, logger));
  const store = await atStage('store', () => openStore(config, secretBox, logger));
  try {
    await atStage('secrets', () => store.verifySecrets());
    const count = await store.rotateSecrets();
    await store.verifySecrets();
    return count;
  } finally {
    await store.close();
  }
}

/** What went wrong, in the words of a failed start: the setting or path, and the fix. */
function describeFailure(err: unknown, env: NodeJS.ProcessEnv): string[] {
  if (err instanceof ConfigError) return err.problems;
  return [describeStartupFailure(err, loadStoreConfig(env))];
}

async function main(): Promise<void> {
  try {
    const count = await rotateKeys(process.env);
    process.stdout.write(`re-encrypted ${count} stored secret(s) with the current ENCRYPTION_KEY\n`);
  } catch (err) {
    const lines = describeFailure(err, process.env);
    process.stderr.write(`rotate-keys failed:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
