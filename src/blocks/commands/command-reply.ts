import type { KnownBlock } from '@slack/types';

/** A reply to a `/sota` command: `text` is the notification fallback, `blocks` the optional layout. */
export interface CommandReply {
  text: string;
  blocks?: KnownBlock[];
}

/** `deploy.started` → `started`: the short event words people type and read. */
export function shortEventName(event: string): string {
  return event.startsWith('deploy.') ? event.slice('deploy.'.length) : event;
}
