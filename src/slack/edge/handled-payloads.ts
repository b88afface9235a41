import type { SlackPayload } from './parse-slack-payload.js';

/** What the app's listeners act on; a well-formed payload outside this is answered without Bolt. */
export interface HandledPayloads {
  commands: readonly string[];
  actions: readonly string[];
  views: readonly string[];
}

/**
 * True when a listener will acknowledge the payload (Bolt would otherwise hold the request for its
 * 3-second unhandled timeout). Events are acknowledged by Bolt itself, whatever their type.
 */
export function isHandledPayload(payload: SlackPayload, handled: HandledPayloads): boolean {
  switch (payload.kind) {
    case 'ssl_check':
      return false;
    case 'command':
      return handled.commands.includes(payload.body.command);
    case 'event':
      return payload.body.type !== 'app_rate_limited';
    case 'interaction': {
      const { body } = payload;
      if (body.type === 'block_actions') return handled.actions.includes(body.actions[0]?.action_id ?? '');
      if (body.type === 'view_submission') return handled.views.includes(body.view.callback_id);
      return false;
    }
  }
}
