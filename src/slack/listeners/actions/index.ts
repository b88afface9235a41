import type { App } from '@slack/bolt';
import { OPEN_DEPLOYMENT_ACTION_ID, VIEW_LOGS_ACTION_ID } from '../../../blocks/deploy-buttons.js';
import { createViewLogsListener, type ViewLogsDeps } from './view-logs.js';

/**
 * The deployment message's buttons. "Open live site" is a link: Slack opens the URL and still
 * sends the click to the app, which only has to acknowledge it.
 */
export function registerActions(app: App, deps: ViewLogsDeps): void {
  app.action(OPEN_DEPLOYMENT_ACTION_ID, async ({ ack }) => {
    await ack();
  });
  app.action(VIEW_LOGS_ACTION_ID, createViewLogsListener(deps));
}
