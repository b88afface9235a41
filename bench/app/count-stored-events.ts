import { type AppBuild, buildModules } from './app-build.js';

/** How many events the app's store holds (opened with the build's own store code after the app stopped). */
export async function countStoredEvents(build: AppBuild, env: Record<string, string>): Promise<number> {
  const m = await buildModules(build);
  const config = m.loadConfig(env);
  const logger = m.createLogger('warn');
  const store = await m.openStore(config, m.resolveSecretBox(config, logger), logger);
  try {
    return await store.countEvents();
  } finally {
    await store.close();
  }
}
