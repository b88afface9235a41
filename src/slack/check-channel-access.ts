import type { WebClient } from '@slack/web-api';
import { type FailureKind, failureKind } from '../net/failure-kind.js';
import { slackErrorCode } from './slack-error-code.js';

export type ChannelAccess =
  | { ok: true }
  | { ok: false; reason: 'not_member' }
  | { ok: false; reason: 'error'; code: string; failure: FailureKind | undefined };

interface ChannelInfo {
  is_private?: boolean;
  is_member?: boolean;
}

/**
 * Whether the bot can post in `channelId`. Public channels are fine (chat:write.public); a private
 * one the bot is not in shows up as not a member, or as channel_not_found when Slack hides it.
 */
export async function checkChannelAccess(client: WebClient, channelId: string): Promise<ChannelAccess> {
  try {
    const answer = await client.conversations.info({ channel: channelId });
    const channel = (answer.channel ?? {}) as ChannelInfo;
    if (channel.is_private && !channel.is_member) return { ok: false, reason: 'not_member' };
    return { ok: true };
  } catch (err) {
    const code = slackErrorCode(err);
    if (code === 'channel_not_found') return { ok: false, reason: 'not_member' };
    return { ok: false, reason: 'error', code, failure: failureKind(err) };
  }
}
