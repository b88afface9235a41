import type { HomeView, KnownBlock } from '@slack/types';
import { inlineCode } from '../mrkdwn.js';
import { safeId } from '../notices/project-ref.js';
import { describePauseReason } from './describe-pause-reason.js';
import {
  dateToken,
  describeFilter,
  type ListedSubscription,
  projectHandle,
  projectLabel,
} from './render-subscription-list.js';

/** One channel of the workspace on the Home tab: what it follows and when it last heard from us. */
export interface HomeChannel {
  channelId: string;
  subscriptions: readonly ListedSubscription[];
  /** Epoch ms of the last message posted or updated there; null when none yet. */
  lastDeliveryAt: number | null;
}

/** Slack allows 100 blocks in a Home tab; 3 are ours, each channel takes 2. */
const MAX_CHANNELS = 45;

/** Joins already-escaped mrkdwn lines under a title, dropping whole lines to stay within a section's 3000. */
function fitLines(title: string, lines: readonly string[]): string {
  let text = title;
  for (const line of lines) {
    if (text.length + line.length + 1 > 2990) return `${text}\n…`;
    text += `\n${line}`;
  }
  return text;
}

function channelBlock(channel: HomeChannel): KnownBlock[] {
  const lines = channel.subscriptions.slice(0, 10).map((sub) => {
    const muted = sub.mutedUntil ? ` — 🔕 muted until ${dateToken(sub.mutedUntil)}` : '';
    const events = `${describeFilter(sub)}${muted}`;
    if (sub.state === 'active') return `• ${projectLabel(sub)} — ${events}`;
    const resume = inlineCode(`/sota subscribe ${projectHandle(sub)}`, 140);
    return `• ${projectLabel(sub)} — ⏸ *paused*: ${describePauseReason(sub.pausedReason)}. ${resume} in <#${safeId(channel.channelId)}> resumes it.`;
  });
  if (channel.subscriptions.length > 10) lines.push(`…and ${channel.subscriptions.length - 10} more`);
  const last =
    channel.lastDeliveryAt === null
      ? 'No deployment message yet'
      : `Last deployment message ${dateToken(channel.lastDeliveryAt)}`;
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: fitLines(`*<#${safeId(channel.channelId)}>*`, lines) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: last }] },
  ];
}

/** The App Home tab: the workspace's subscriptions by channel, their state and last delivery, how to add one. */
export function renderAppHome(channels: readonly HomeChannel[]): HomeView {
  const howTo =
    'In any channel, type `/sota subscribe &lt;project&gt;` (a sota.io project slug or id) to get one live message per deployment there. `/sota help` lists every command.';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'sota.io deployments' } },
    { type: 'section', text: { type: 'mrkdwn', text: howTo } },
    { type: 'divider' },
  ];
  if (channels.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No channel follows a sota.io project yet.' },
    });
  }
  for (const channel of channels.slice(0, MAX_CHANNELS)) blocks.push(...channelBlock(channel));
  if (channels.length > MAX_CHANNELS) {
    const more = `…and ${channels.length - MAX_CHANNELS} more channels.`;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  return { type: 'home', blocks };
}
