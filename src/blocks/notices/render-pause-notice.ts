import type { KnownBlock } from '@slack/types';
import { section } from '../block-builders.js';
import { describePauseReason } from '../commands/describe-pause-reason.js';
import { projectHandle } from '../commands/render-subscription-list.js';
import { inlineCode } from '../mrkdwn.js';
import { boldProject, type ProjectRef, safeId } from './project-ref.js';

export interface PauseNoticeInput {
  channelId: string;
  /** The Slack error code that paused delivery there. */
  reason: string;
  projects: readonly ProjectRef[];
}

/** The one command (and what comes before it) that brings the channel's notifications back. */
function fix(input: PauseNoticeInput): string {
  const channel = `<#${safeId(input.channelId)}>`;
  const first = input.projects[0];
  const subscribe = inlineCode(`/sota subscribe ${first ? projectHandle(first) : '<project>'}`, 140);
  if (input.reason === 'not_in_channel')
    return `Run ${inlineCode('/invite @sota', 40)} in ${channel}, then ${subscribe} there.`;
  if (input.reason === 'is_archived')
    return `Unarchive ${channel}, then run ${subscribe} there — or run it in another channel.`;
  if (input.reason === 'channel_not_found')
    return `Run ${subscribe} in the channel that should get them now.`;
  return `Run ${subscribe} in ${channel} to try again.`;
}

/** The direct message to the member who subscribed, sent once when a channel's delivery pauses for good. */
export function renderPauseNotice(input: PauseNoticeInput): { text: string; blocks: KnownBlock[] } {
  const channel = `<#${safeId(input.channelId)}>`;
  const names = input.projects.slice(0, 10).map(boldProject).join(', ');
  const more = input.projects.length > 10 ? ` and ${input.projects.length - 10} more` : '';
  const why = describePauseReason(input.reason);
  const head = `⏸ I stopped posting sota.io deployments of ${names}${more} in ${channel}: ${why}.`;
  const todo = `*To fix it:* ${fix(input)}`;
  return { text: `${head} ${todo}`, blocks: [section(head), section(todo)] };
}
