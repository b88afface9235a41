import type { App } from '@slack/bolt';
import type { ForgetWorkspaceDeps } from '../../forget-workspace.js';
import { createAppHomeOpenedListener } from './app-home-opened.js';
import { createWorkspaceRemovedListener } from './workspace-removed.js';

/** The Events API events the app subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['app_uninstalled', 'tokens_revoked', 'app_home_opened'] as const;

export function registerEvents(app: App, deps: ForgetWorkspaceDeps): void {
  const listener = createWorkspaceRemovedListener(deps);
  app.event('app_uninstalled', listener);
  app.event('tokens_revoked', listener);
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
}
