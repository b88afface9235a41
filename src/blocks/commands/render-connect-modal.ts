import type { ModalView } from '@slack/types';
import { fitMrkdwn } from '../mrkdwn.js';

/** Ids the connect modal and its submission handler share. */
export const CONNECT_MODAL = {
  callbackId: 'sota_connect',
  keyBlockId: 'sota_api_key',
  keyActionId: 'api_key',
} as const;

/** The form where a person pastes a sota.io API key; `privateMetadata` comes back on submission. */
export function renderConnectModal(privateMetadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: CONNECT_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Connect sota.io' },
    submit: { type: 'plain_text', text: 'Connect' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Paste a sota.io API key (it starts with `sota_`). It is checked with sota.io, stored encrypted for this workspace, and never shown again.',
        },
      },
      {
        type: 'input',
        block_id: CONNECT_MODAL.keyBlockId,
        label: { type: 'plain_text', text: 'sota.io API key' },
        element: {
          type: 'plain_text_input',
          action_id: CONNECT_MODAL.keyActionId,
          placeholder: { type: 'plain_text', text: 'sota_…' },
          min_length: 1,
          max_length: 200,
        },
      },
    ],
  };
}

/** What the modal shows once the key was accepted; `label` describes what the key sees (no secret). */
export function renderConnectSuccess(label: string): ModalView {
  return {
    type: 'modal',
    callback_id: `${CONNECT_MODAL.callbackId}_done`,
    title: { type: 'plain_text', text: 'Connect sota.io' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: Connected. The key sees ${fitMrkdwn(label, 500)}.\nNow run \`/sota subscribe &lt;project&gt;\` in a channel.`,
        },
      },
    ],
  };
}

/** The ephemeral note in the channel where `/sota connect` was typed. */
export function renderConnectedNote(label: string): string {
  return `:white_check_mark: sota.io is connected for this workspace. The key sees ${fitMrkdwn(label, 500)}. Run \`/sota subscribe &lt;project&gt;\` to follow one here.`;
}
