import type { FakeSlack } from '../../test/fakes/fake-slack.js';
import { channelLabel } from './demo-cast.js';

/** One thing that changed in Slack: a message posted, updated, or a reply in its thread. */
export interface SlackEffect {
  channel: string;
  kind: 'posted' | 'updated' | 'thread';
  text: string;
}

/** Returns a function that lists the successful message calls made since the last time it was called. */
export function createEffectReader(fakeSlack: FakeSlack): () => SlackEffect[] {
  let seen = fakeSlack.calls.length;
  return () => {
    const fresh = fakeSlack.calls.slice(seen);
    seen += fresh.length;
    return fresh.flatMap((call): SlackEffect[] => {
      if (call.result !== 'ok') return [];
      const channel = channelLabel(String(call.body.channel ?? ''));
      const text = String(call.body.text ?? '');
      if (call.method === 'chat.update') return [{ channel, kind: 'updated', text }];
      if (call.method !== 'chat.postMessage') return [];
      return [{ channel, kind: call.body.thread_ts ? 'thread' : 'posted', text }];
    });
  };
}
