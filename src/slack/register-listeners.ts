import type { App } from '@slack/bolt';
import { createGroupMembers } from './actions/group-members.js';
import type { CommandDeps } from './commands/command-types.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';

/** Every listener of the app, one line per kind. */
export function registerListeners(app: App, deps: CommandDeps): void {
  registerCommands(app, deps);
  registerActions(app, { ...deps, groupMembers: createGroupMembers(deps.now) });
  registerViews(app, deps);
  registerEvents(app, deps);
}
