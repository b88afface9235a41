import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log/logger.js';
import { openStore, resolveSecretBox } from '../../src/store/open-store.js';

/** How many events the app's store holds (opened after the app stopped). */
export async function countStoredEvents(env: Record<string, string>): Promise<number> {
  const config = loadConfig(env);
  const logger = createLogger('warn');
  const store = await openStore(config, resolveSecretBox(config, logger), logger);
  try {
    return await store.countEvents();
  } finally {
    await store.close();
  }
}
