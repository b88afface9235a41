import type { App } from '@slack/bolt';
import { OPEN_DEPLOYMENT_ACTION_ID } from '../../../blocks/render-deploy-message.js';

/**
 * The deployment message's "Open live site" button is a link: Slack opens the URL and still sends
 * the click to the app, which only has to acknowledge it.
 */
export function registerActions(app: App): void {
  app.action(OPEN_DEPLOYMENT_ACTION_ID, async ({ ack }) => {
    await ack();
  });
}
