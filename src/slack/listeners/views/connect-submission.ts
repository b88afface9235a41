import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  CONNECT_MODAL,
  renderConnectedNote,
  renderConnectSuccess,
} from '../../../blocks/commands/render-connect-modal.js';
import type { Logger } from '../../../log/logger.js';
import type { SotaClient } from '../../../sota/client.js';
import type { WorkspaceStore } from '../../../store/types.js';
import { checkKeyManager } from '../../check-key-manager.js';
import { decodeConnectMetadata } from '../../commands/connect-metadata.js';
import { respondViaUrl } from '../../respond-via-url.js';
import { checkSotaKey } from '../../sota-key-check.js';

export interface ConnectSubmissionDeps {
  store: WorkspaceStore;
  logger: Logger;
  sotaClientFor: (token: string) => SotaClient;
  now: () => number;
  /** How long the key check may take, so the ack stays inside Slack's 3 seconds. */
  checkTimeoutMs?: number;
}

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const REPLACE_REFUSED =
  'This workspace already has a key. Only workspace admins and owners, or the member who connected it, can replace it.';

const fieldError = (message: string) => ({
  response_action: 'errors' as const,
  errors: { [CONNECT_MODAL.keyBlockId]: message },
});

/**
 * The connect modal's submission: checks the pasted key with sota.io, stores it sealed for the
 * workspace with a non-secret label, and answers in the modal (field error or success view) and
 * with an ephemeral note in the channel. The key is never logged or echoed.
 */
export function createConnectSubmissionListener(deps: ConnectSubmissionDeps) {
  return async ({ ack, view, body, client }: Args): Promise<void> => {
    const key = view.state.values[CONNECT_MODAL.keyBlockId]?.[CONNECT_MODAL.keyActionId]?.value?.trim() ?? '';
    const teamId = view.team_id || body.team?.id || body.user.team_id || '';
    if (!key || /\s/.test(key))
      return void (await ack(fieldError('Paste the key as one word, without spaces.')));
    // A key stored since the modal opened is replaced only by its managers, as at the command.
    if (await deps.store.getApiKey(teamId)) {
      const check = await checkKeyManager(deps, { client, teamId, userId: body.user.id });
      if (!check.ok) return void (await ack(fieldError(REPLACE_REFUSED)));
    }
    const check = await checkSotaKey(deps.sotaClientFor(key), deps.checkTimeoutMs ?? 2000);
    if (!check.ok) return void (await ack(fieldError(check.message)));
    try {
      await deps.store.setApiKey({
        teamId,
        apiKey: key,
        label: check.label,
        createdBy: body.user.id,
        createdAt: deps.now(),
      });
    } catch (err) {
      deps.logger.error(
        { teamId, code: (err as { code?: unknown }).code ?? 'internal' },
        'could not store the API key',
      );
      return void (await ack(fieldError('The key is valid but could not be saved. Try again in a minute.')));
    }
    deps.logger.info({ teamId, userId: body.user.id, label: check.label }, 'sota.io API key connected');
    await ack({ response_action: 'update', view: renderConnectSuccess(check.label) });
    const meta = decodeConnectMetadata(view.private_metadata);
    if (meta) await respondViaUrl(meta.responseUrl, { text: renderConnectedNote(check.label) });
  };
}
