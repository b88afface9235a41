import { fitMrkdwn, inlineCode } from '../mrkdwn.js';
import { dateToken } from './render-subscription-list.js';

/** The answers of `/sota mute`, `/sota unmute` and `/sota digest`. `what` is already mrkdwn. */
export const SIGNAL_NOTES = {
  muted: (what: string, until: number, handle: string): string =>
    `🔕 ${what} muted in this channel until ${dateToken(until)}: nothing new is posted meanwhile, messages already here keep following their deployment. One summary follows when the mute ends; ${inlineCode(`/sota unmute ${handle}`, 140)} ends it now.`,
  unmuted: (count: number): string =>
    `🔔 Unmuted: new deployments are posted here again. ${count === 1 ? 'A summary of what happened meanwhile follows.' : `${count} summaries of what happened meanwhile follow.`}`,
  notMuted: (asked: string): string =>
    `Nothing is muted here for ${inlineCode(asked, 100)}. ${inlineCode('/sota list', 20)} shows what is.`,
  notFollowed: (asked: string): string =>
    `This channel does not follow ${inlineCode(asked, 100)}. ${inlineCode('/sota list', 20)} shows what it follows; ${inlineCode('/sota mute all', 30)} mutes everything here.`,
  digestOn: (time: string, zone: string): string =>
    `📊 A daily digest will be posted in this channel at ${inlineCode(time, 10)} (${fitMrkdwn(zone, 64)}): per followed project, deployments, failures, success rate, median duration and the longest time it was broken. Days without deployments post nothing. ${inlineCode('/sota digest off', 30)} stops it.`,
  digestOff: (had: boolean): string =>
    had ? 'The daily digest of this channel is off.' : 'This channel had no daily digest.',
} as const;
