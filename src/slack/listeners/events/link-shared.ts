import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../log/logger.js';
import { outboundFailure } from '../../../net/outbound-failure.js';
import type { Store } from '../../../store/types.js';
import { slackErrorCode } from '../../slack-error-code.js';
import { buildUnfurls } from '../../unfurl/build-unfurls.js';

type Args = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;

/** A `https://<slug>.sota.io` link pasted in the workspace: unfurled when the workspace follows that project. */
export function createLinkSharedListener(deps: { store: Store; logger: Logger }) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    let unfurls: Awaited<ReturnType<typeof buildUnfurls>>;
    try {
      unfurls = await buildUnfurls(deps.store, teamId, event.links ?? []);
    } catch (err) {
      deps.logger.warn({ teamId, err }, 'could not read the sota.io links to unfurl');
      return;
    }
    if (Object.keys(unfurls).length === 0) return;
    const where =
      event.unfurl_id && event.source
        ? { unfurl_id: event.unfurl_id, source: event.source }
        : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...where, unfurls } as never);
    } catch (err) {
      deps.logger.warn(
        { teamId, code: slackErrorCode(err), ...outboundFailure('Slack', 'chat.unfurl', err) },
        'could not unfurl a sota.io link',
      );
    }
  };
}
