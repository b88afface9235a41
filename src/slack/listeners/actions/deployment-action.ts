import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { outboundFailure } from '../../../net/outbound-failure.js';
import type { DeploymentActionName } from '../../../store/types.js';
import { type PressDeps, runPress } from '../../actions/run-press.js';
import { respondViaUrl } from '../../respond-via-url.js';
import { slackErrorCode } from '../../slack-error-code.js';
import { type PressedButton, readPressedButton } from './button-value.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Redeploy" or "Roll back", pressed (after its confirm): acked at once, then run (see runPress). */
export function createDeploymentActionListener(deps: PressDeps, action: DeploymentActionName) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const pressed = readPressedButton(body);
    const { value, channelId, messageTs } = pressed;
    if (!value || !channelId || !messageTs) return;
    const press = {
      ...{ teamId: pressed.teamId, channelId, messageTs, action, userId: pressed.userId, client },
      ...{ projectId: value.project_id, deploymentId: value.deployment_id },
    };
    const outcome = await runPress(deps, press);
    // A refusal goes to the presser alone (response_url, else chat.postEphemeral); a result to the thread.
    const method = outcome.kind === 'refused' ? 'chat.postEphemeral' : 'chat.postMessage';
    try {
      if (outcome.kind === 'refused') await tellPresser(client, pressed, outcome.text);
      else await client.chat.postMessage({ channel: channelId, thread_ts: messageTs, ...outcome.reply });
    } catch (err) {
      deps.logger.warn(
        { teamId: pressed.teamId, code: slackErrorCode(err), ...outboundFailure('Slack', method, err) },
        'could not answer a button press',
      );
    }
  };
}

/** Only the presser sees it: through the press's response_url, else chat.postEphemeral. */
async function tellPresser(client: WebClient, pressed: PressedButton, text: string): Promise<void> {
  const viaUrl = pressed.responseUrl
    ? await respondViaUrl(pressed.responseUrl, { text, response_type: 'ephemeral', replace_original: false })
    : false;
  if (viaUrl || !pressed.channelId) return;
  await client.chat.postEphemeral({ channel: pressed.channelId, user: pressed.userId, text });
}
