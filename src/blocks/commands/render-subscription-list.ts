import type { KnownBlock } from '@slack/types';
import { truncate } from '../limits.js';
import { fitMrkdwn, inlineCode } from '../mrkdwn.js';
import { toSlackDate } from '../slack-date.js';
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
  /** `changes` mode: break and recovery messages. */
  changes?: boolean;
  /** The member who subscribed the channel (a Slack user id). */
  createdBy?: string | null;
  /** Epoch ms until which new messages are held back; null when not muted. */
  mutedUntil?: number | null;
  /** The last Slack error of this subscription's deliveries, when there was one. */
  lastError?: string | null;
}

/** What the list shows about the channel itself. */
export interface ListedChannel {
  /** Epoch ms of the last message posted or updated in the channel; null when none yet. */
  lastMessageAt?: number | null;
  digest?: { time: string; timeZone: string } | null;
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

/** "started, failed", "changes only", "started, failed + changes". */
export function describeFilter(sub: Pick<ListedSubscription, 'events' | 'changes'>): string {
  const events = sub.events.map(shortEventName).join(', ');
  if (!sub.changes) return events;
  return events === '' ? 'changes only' : `${events} + changes`;
}

/** Slack's date token of an epoch ms instant. */
export function dateToken(ms: number): string {
  return toSlackDate(new Date(ms).toISOString())?.token ?? '';
}

const safeUser = (id: string) => id.replace(/[^A-Z0-9]/gi, '').slice(0, 32);

function details(sub: ListedSubscription): string {
  const parts: string[] = [];
  if (sub.createdBy) parts.push(`subscribed by <@${safeUser(sub.createdBy)}>`);
  if (sub.lastError) parts.push(`last error ${inlineCode(sub.lastError, 60)}`);
  if (sub.webhookUrl) parts.push(`webhook ${inlineCode(sub.webhookUrl, 200)}`);
  return parts.length > 0 ? `\n    ${parts.join(' · ')}` : '';
}

function renderItem(sub: ListedSubscription): string {
  const muted = sub.mutedUntil ? ` — 🔕 muted until ${dateToken(sub.mutedUntil)}` : '';
  const head = `• ${projectLabel(sub)} — ${describeFilter(sub)}${muted}`;
  if (sub.state === 'active') return `${head}${details(sub)}`;
  const resume = inlineCode(`/sota subscribe ${projectHandle(sub)}`, 140);
  return `${head} — :double_vertical_bar: *paused*: ${describePauseReason(sub.pausedReason)}. ${resume} resumes it.${details(sub)}`;
}

function channelLine(channel: ListedChannel): string | undefined {
  const parts: string[] = [];
  if (channel.lastMessageAt !== undefined) {
    parts.push(
      channel.lastMessageAt === null
        ? 'No message posted here yet'
        : `Last message here ${dateToken(channel.lastMessageAt)}`,
    );
  }
  if (channel.digest) {
    parts.push(
      `daily digest at ${inlineCode(channel.digest.time, 10)} ${fitMrkdwn(channel.digest.timeZone, 64)}`,
    );
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** This channel's subscriptions (or how to add one when there are none). */
export function renderSubscriptionList(
  subs: readonly ListedSubscription[],
  channel: ListedChannel = {},
): CommandReply {
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
  const footer = channelLine(channel);
  if (footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer }] });
  return { text: truncate([title, ...lines, ...(footer ? [footer] : [])].join('\n'), 3900), blocks };
}
