import type { App } from '@slack/bolt';
import {
  OPEN_DEPLOYMENT_ACTION_ID,
  REDEPLOY_ACTION_ID,
  ROLLBACK_ACTION_ID,
  VIEW_LOGS_ACTION_ID,
} from '../../../blocks/deploy-buttons.js';
import type { PressDeps } from '../../actions/run-press.js';
import { createDeploymentActionListener } from './deployment-action.js';
import { createViewLogsListener } from './view-logs.js';

/**
 * The deployment message's buttons. "Open live site" is a link: Slack opens the URL and still
 * sends the click to the app, which only has to acknowledge it.
 */
export function registerActions(app: App, deps: PressDeps): void {
  app.action(OPEN_DEPLOYMENT_ACTION_ID, async ({ ack }) => {
    await ack();
  });
  app.action(VIEW_LOGS_ACTION_ID, createViewLogsListener(deps));
  app.action(REDEPLOY_ACTION_ID, createDeploymentActionListener(deps, 'redeploy'));
  app.action(ROLLBACK_ACTION_ID, createDeploymentActionListener(deps, 'rollback'));
}
