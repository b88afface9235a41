import type { App } from '@slack/bolt';
import type { ForgetWorkspaceDeps } from '../../forget-workspace.js';
import { createWorkspaceRemovedListener } from './workspace-removed.js';

/** The Events API events the app subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export function registerEvents(app: App, deps: ForgetWorkspaceDeps): void {
  const listener = createWorkspaceRemovedListener(deps);
  for (const name of SUBSCRIBED_EVENTS) app.event(name, listener);
}
