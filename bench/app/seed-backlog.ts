import { randomUUID } from 'node:crypto';
import { deployEventBody } from '../load/webhook-requests.js';
import { type AppBuild, buildModules } from './app-build.js';
import { BENCH_TEAM } from './bench-app-env.js';
import { type SeededChannel, seedStore } from './seed-store.js';

/** Channel ids C0BL0000… of the backlog, in the bench workspace. */
export function backlogChannels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `C0BL${String(i).padStart(4, '0')}`);
}

/** Subscribes `count` channels, each to its own project through its own hook. */
export function seedBacklogChannels(build: AppBuild, env: Record<string, string>, count: number) {
  return seedStore(build, env, [{ teamId: BENCH_TEAM, channelIds: backlogChannels(count) }]);
}

/**
 * Stores `perChannel` accepted deploy.started events for each channel through the build's own store
 * (as the webhook route does), each queuing one delivery: a backlog of channels × perChannel pending
 * jobs. Returns the queue depth the store reports afterwards.
 */
export async function seedBacklogJobs(
  build: AppBuild,
  env: Record<string, string>,
  channels: SeededChannel[],
  perChannel: number,
): Promise<number> {
  const m = await buildModules(build);
  const config = m.loadConfig(env);
  const logger = m.createLogger('warn');
  const store = await m.openStore(config, m.resolveSecretBox(config, logger), logger);
  try {
    const at = new Date(Date.now() - 60_000);
    for (let i = 0; i < perChannel; i += 1) {
      await Promise.all(
        channels.map((c) => {
          const deploymentId = randomUUID();
          return store.ingestEvent({
            hookId: c.hookId,
            projectId: c.projectId,
            deploymentId,
            event: 'deploy.started',
            occurredAt: at.toISOString(),
            receivedAt: at.getTime() + i,
            payload: deployEventBody(c.projectId, deploymentId, 'deploy.started', at),
            disposition: 'deliver',
          });
        }),
      );
    }
    return (await store.queueStats(Date.now())).depth;
  } finally {
    await store.close();
  }
}
