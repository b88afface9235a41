import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../log/logger.js';
import type { Store } from '../../../store/types.js';
import { buildUnfurls } from '../../unfurl/build-unfurls.js';

type Args = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;

/** A `https://<slug>.sota.io` link pasted in the workspace: unfurled when the workspace follows that project. */
export function createLinkSharedListener(deps: { store: Store; logger: Logger }) {
  return async ({ event, body, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    try {
      const unfurls = await buildUnfurls(deps.store, teamId, event.links ?? []);
      if (Object.keys(unfurls).length === 0) return;
      const where =
        event.unfurl_id && event.source
          ? { unfurl_id: event.unfurl_id, source: event.source }
          : { channel: event.channel, ts: event.message_ts };
      await client.chat.unfurl({ ...where, unfurls } as never);
    } catch (err) {
      const code = (err as { data?: { error?: unknown } }).data?.error ?? (err as { code?: unknown }).code;
      deps.logger.warn({ teamId, code: String(code ?? 'internal') }, 'could not unfurl a sota.io link');
    }
  };
}
