import type { App } from '@slack/bolt';
import { CONNECT_MODAL } from '../../../blocks/commands/render-connect-modal.js';
import { type ConnectSubmissionDeps, createConnectSubmissionListener } from './connect-submission.js';

export function registerViews(app: App, deps: ConnectSubmissionDeps): void {
  app.view(CONNECT_MODAL.callbackId, createConnectSubmissionListener(deps));
}
