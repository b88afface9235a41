import { CONNECT_MODAL } from '../blocks/commands/render-connect-modal.js';
import {
  OPEN_DEPLOYMENT_ACTION_ID,
  REDEPLOY_ACTION_ID,
  ROLLBACK_ACTION_ID,
  VIEW_LOGS_ACTION_ID,
} from '../blocks/deploy-buttons.js';
import type { HandledPayloads } from './edge/handled-payloads.js';
import { SLASH_COMMAND } from './scopes.js';

/** The command, actions and views the listeners under `listeners/` are registered for. */
export const HANDLED_PAYLOADS: HandledPayloads = {
  commands: [SLASH_COMMAND],
  actions: [OPEN_DEPLOYMENT_ACTION_ID, VIEW_LOGS_ACTION_ID, REDEPLOY_ACTION_ID, ROLLBACK_ACTION_ID],
  views: [CONNECT_MODAL.callbackId],
};
