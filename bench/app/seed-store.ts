import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../../src/store/types.js';
import type { HookTarget } from '../load/webhook-requests.js';
import { type AppBuild, buildModules } from './app-build.js';

/** One channel subscribed to one project through one hook. */
export interface SeededChannel extends HookTarget {
  teamId: string;
  channelId: string;
}

export interface SeedWorkspace {
  teamId: string;
  /** Multi-workspace mode: the bot token saved as the workspace's installation. */
  botToken?: string;
  channelIds: string[];
  /** Subscribe each channel to its project (default true); false leaves the hook without subscribers. */
  subscribe?: boolean;
}

async function seedChannel(
  store: Store,
  teamId: string,
  channelId: string,
  events: readonly string[] | undefined,
): Promise<SeededChannel> {
  const hook = await store.insertHook({
    id: randomBytes(16).toString('base64url'),
    teamId,
    projectId: randomUUID(),
    projectName: `bench-${channelId.toLowerCase()}`,
    projectSlug: `bench-${channelId.toLowerCase()}`,
    sotaWebhookId: randomUUID(),
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
  });
  if (events)
    await store.upsertSubscription({
      teamId,
      channelId,
      projectId: hook.projectId,
      hookId: hook.id,
      events: [...events] as never,
      createdBy: 'UBENCH',
    });
  return { hookId: hook.id, secret: hook.secret, projectId: hook.projectId, teamId, channelId };
}

async function saveInstall(store: Store, teamId: string, botToken: string): Promise<void> {
  const installation = { team: { id: teamId }, bot: { token: botToken, userId: 'UBENCHBOT', scopes: [] } };
  await store.saveInstallation({
    teamId,
    enterpriseId: null,
    installationJson: JSON.stringify(installation),
    botToken,
    botUserId: 'UBENCHBOT',
    installedAt: Date.now(),
  });
}

/**
 * Writes workspaces, hooks and subscriptions straight into the app's store (the same database and key
 * the app will open, with the build's own store code), one project and hook per channel. Returns each channel's hook.
 */
export async function seedStore(
  build: AppBuild,
  env: Record<string, string>,
  workspaces: SeedWorkspace[],
): Promise<SeededChannel[]> {
  const m = await buildModules(build);
  const config = m.loadConfig(env);
  const logger = m.createLogger('warn');
  const store = await m.openStore(config, m.resolveSecretBox(config, logger), logger);
  try {
    const channels: SeededChannel[] = [];
    for (const ws of workspaces) {
      if (ws.botToken) await saveInstall(store, ws.teamId, ws.botToken);
      for (const channelId of ws.channelIds)
        channels.push(
          await seedChannel(store, ws.teamId, channelId, (ws.subscribe ?? true) ? m.knownEvents : undefined),
        );
    }
    return channels;
  } finally {
    await store.close();
  }
}
