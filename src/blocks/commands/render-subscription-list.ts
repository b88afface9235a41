import type { KnownBlock } from '@slack/types';
import { truncate } from '../limits.js';
import { fitMrkdwn, inlineCode } from '../mrkdwn.js';
import { type CommandReply, shortEventName } from './command-reply.js';
import { describePauseReason } from './describe-pause-reason.js';

/** One subscription of the channel, with what we know about its project. */
export interface ListedSubscription {
  projectId: string;
  projectName: string | null;
  projectSlug: string | null;
  events: readonly string[];
  state: 'active' | 'paused';
  pausedReason: string | null;
  /** Where sota.io delivers this project's events (for `sota-slack send-test`); not a secret. */
  webhookUrl?: string | null;
}

const MAX_ITEMS = 40;
/** A line is at most ~750 characters (with its webhook URL), so three stay under a section's 3000. */
const LINES_PER_SECTION = 3;

/** `*my-app* (`my-app`)`, or the id when the name is unknown. */
export function projectLabel(
  p: Pick<ListedSubscription, 'projectId' | 'projectName' | 'projectSlug'>,
): string {
  const name = `*${fitMrkdwn(p.projectName ?? p.projectSlug ?? p.projectId, 100)}*`;
  const handle = p.projectSlug ?? p.projectId;
  return handle === p.projectName ? name : `${name} (${inlineCode(handle, 100)})`;
}

/** How to refer to the project in a command someone can copy. */
export function projectHandle(p: Pick<ListedSubscription, 'projectId' | 'projectSlug'>): string {
  return p.projectSlug ?? p.projectId;
}

function renderItem(sub: ListedSubscription): string {
  const events = sub.events.map(shortEventName).join(', ');
  const webhook = sub.webhookUrl ? `\n    webhook ${inlineCode(sub.webhookUrl, 200)}` : '';
  const head = `• ${projectLabel(sub)} — ${events}`;
  if (sub.state === 'active') return `${head}${webhook}`;
  const resume = inlineCode(`/sota subscribe ${projectHandle(sub)}`, 140);
  return `${head} — :double_vertical_bar: *paused*: ${describePauseReason(sub.pausedReason)}. ${resume} resumes it.${webhook}`;
}

/** This channel's subscriptions (or how to add one when there are none). */
export function renderSubscriptionList(subs: readonly ListedSubscription[]): CommandReply {
  if (subs.length === 0) {
    const text =
      'This channel follows no sota.io project yet. Add one with `/sota subscribe &lt;project&gt;` (the project’s slug or id), e.g. `/sota subscribe my-app`.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const lines = subs.slice(0, MAX_ITEMS).map(renderItem);
  if (subs.length > MAX_ITEMS) lines.push(`…and ${subs.length - MAX_ITEMS} more.`);
  const title = `*This channel follows ${subs.length} sota.io project${subs.length === 1 ? '' : 's'}:*`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: title } }];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) {
    const text = lines.slice(i, i + LINES_PER_SECTION).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  return { text: truncate([title, ...lines].join('\n'), 3900), blocks };
}
