import type { App } from '@slack/bolt';
import type { ForgetWorkspaceDeps } from '../../forget-workspace.js';
import { createAppHomeOpenedListener } from './app-home-opened.js';
import { type ChannelGoneDeps, createChannelGoneListener } from './channel-gone.js';
import { createLinkSharedListener } from './link-shared.js';
import { createWorkspaceRemovedListener } from './workspace-removed.js';

/** The Events API events the app subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = [
  'app_uninstalled',
  'tokens_revoked',
  'app_home_opened',
  'channel_archive',
  'channel_deleted',
  'group_archive',
  'member_left_channel',
  'link_shared',
] as const;

/** What the listeners need: forgetting a workspace, what the App Home shows, pausing gone channels. */
type EventDeps = ForgetWorkspaceDeps & Parameters<typeof createAppHomeOpenedListener>[0] & ChannelGoneDeps;

export function registerEvents(app: App, deps: EventDeps): void {
  const listener = createWorkspaceRemovedListener(deps);
  app.event('app_uninstalled', listener);
  app.event('tokens_revoked', listener);
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
  const gone = createChannelGoneListener(deps);
  for (const name of [
    'channel_archive',
    'channel_deleted',
    'group_archive',
    'member_left_channel',
  ] as const) {
    app.event(name, gone);
  }
  app.event('link_shared', createLinkSharedListener(deps));
}
