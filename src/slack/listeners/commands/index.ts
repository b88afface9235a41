import type { App } from '@slack/bolt';
import type { CommandDeps } from '../../commands/command-types.js';
import { createSotaCommandRunner } from '../../commands/run-sota-command.js';
import { SLASH_COMMAND } from '../../scopes.js';
import { createSotaCommandListener } from './sota-command.js';

export function registerCommands(app: App, deps: CommandDeps): void {
  app.command(
    SLASH_COMMAND,
    createSotaCommandListener({ run: createSotaCommandRunner(deps), logger: deps.logger }),
  );
}
