import { inlineCode } from '../mrkdwn.js';
import type { CommandReply } from './command-reply.js';
import {
  describeFilter,
  type ListedSubscription,
  projectHandle,
  projectLabel,
} from './render-subscription-list.js';

export type ProjectRef = Pick<ListedSubscription, 'projectId' | 'projectName' | 'projectSlug'>;

export type SubscriptionChange = 'created' | 'updated' | 'resumed';

const VERBS: Record<SubscriptionChange, string> = {
  created: 'subscribed this channel to',
  updated: 'changed this channel’s subscription to',
  resumed: 'resumed this channel’s subscription to',
};

function userMention(userId: string): string {
  return `<@${userId.replace(/[^A-Z0-9]/gi, '')}>`;
}

/** The answer to a subscribe: who did what, with the filter. */
export function renderSubscribed(input: {
  userId: string;
  project: ProjectRef;
  events: readonly string[];
  changes?: boolean;
  change: SubscriptionChange;
}): CommandReply {
  const events = describeFilter({ events: input.events, changes: input.changes ?? false });
  return {
    text: `${userMention(input.userId)} ${VERBS[input.change]} ${projectLabel(input.project)} (${events}).`,
  };
}

/** The answer to an unsubscribe. */
export function renderUnsubscribed(input: { userId: string; project: ProjectRef }): CommandReply {
  return {
    text: `${userMention(input.userId)} unsubscribed this channel from ${projectLabel(input.project)}.`,
  };
}

/** The answer to `/sota unsubscribe x` when this channel does not follow x. */
export function renderNotSubscribed(asked: string, subs: readonly ListedSubscription[]): CommandReply {
  const none = `This channel does not follow ${inlineCode(asked, 100)}.`;
  if (subs.length === 0) return { text: `${none} It follows no sota.io project (\`/sota list\` shows it).` };
  const names = subs
    .slice(0, 20)
    .map((s) => inlineCode(projectHandle(s), 100))
    .join(', ');
  return { text: `${none} It follows: ${names}. Use one of those with \`/sota unsubscribe\`.` };
}
