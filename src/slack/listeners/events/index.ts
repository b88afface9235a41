import type { App } from '@slack/bolt';
import type { ForgetWorkspaceDeps } from '../../forget-workspace.js';
import { createAppHomeOpenedListener } from './app-home-opened.js';
import { createWorkspaceRemovedListener } from './workspace-removed.js';

/** The Events API events the app subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['app_uninstalled', 'tokens_revoked', 'app_home_opened'] as const;

/** What the listeners need: forgetting a workspace, and what the App Home shows. */
type EventDeps = ForgetWorkspaceDeps & Parameters<typeof createAppHomeOpenedListener>[0];

export function registerEvents(app: App, deps: EventDeps): void {
  const listener = createWorkspaceRemovedListener(deps);
  app.event('app_uninstalled', listener);
  app.event('tokens_revoked', listener);
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
}
