/**
 * Compares what reached the fake Slack with what was acknowledged: every (channel, deployment)
 * must show exactly the message the product's own reducer and renderer make of the acknowledged
 * events, posted once, with at most one thread reply.
 */
import type { FakeSlack } from '../../fakes/fake-slack.js';
import { deploymentOf, expectedMessage, type SentEvent, withoutUsual } from '../../scale/cluster.js';

export interface SentDeployment {
  projectId: string;
  projectName: string;
  deploymentId: string;
  events: SentEvent[];
  /** Channels subscribed to the project (all events). */
  channels: string[];
}

export interface Audit {
  /** (channel, deployment) pairs that must show a message. */
  pairs: number;
  /** Pairs whose latest message is exactly the expected one. */
  delivered: number;
  /** Pairs with no message, or one that does not show every acknowledged event. */
  missing: number;
  /** Acknowledged events behind the missing pairs. */
  lostEvents: number;
  /** Extra top-level messages for a pair already posted. */
  duplicatePosts: number;
  /** Extra thread replies under one message. */
  duplicateReplies: number;
}

export function auditDeliveries(fakeSlack: FakeSlack, sent: readonly SentDeployment[]): Audit {
  const audit: Audit = {
    pairs: 0,
    delivered: 0,
    missing: 0,
    lostEvents: 0,
    duplicatePosts: 0,
    duplicateReplies: 0,
  };
  const byChannel = new Map<string, Map<string, ReturnType<FakeSlack['messagesIn']>>>();
  const messagesOf = (channel: string, deploymentId: string) => {
    let index = byChannel.get(channel);
    if (!index) {
      index = new Map();
      for (const m of fakeSlack.messagesIn(channel)) {
        const id = deploymentOf(m) ?? '';
        index.set(id, [...(index.get(id) ?? []), m]);
      }
      byChannel.set(channel, index);
    }
    return index.get(deploymentId) ?? [];
  };
  for (const d of sent) {
    const expected = JSON.stringify(expectedMessage(d, d.events));
    for (const channel of d.channels) {
      audit.pairs += 1;
      const messages = messagesOf(channel, d.deploymentId);
      audit.duplicatePosts += Math.max(0, messages.length - 1);
      for (const m of messages) {
        audit.duplicateReplies += Math.max(0, fakeSlack.threadReplies(channel, m.ts).length - 1);
      }
      const shown = messages.some((m) => JSON.stringify(withoutUsual(m)) === expected);
      if (shown) audit.delivered += 1;
      else {
        audit.missing += 1;
        audit.lostEvents += d.events.length;
      }
    }
  }
  return audit;
}
