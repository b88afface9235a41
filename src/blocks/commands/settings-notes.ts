import type { ActionAccess } from '../../store/types.js';
import { fitMrkdwn } from '../mrkdwn.js';

/** Id-form mentions are shown as they are (Slack draws them); nothing else ever reaches this text. */
const list = (mentions: readonly string[]) => mentions.join(' ');

/** Answers to `/sota mention` and `/sota actions` (ephemeral). */
export const SETTINGS_NOTES = {
  mentionSet: (project: string, mentions: readonly string[]): string =>
    `When a deployment of *${fitMrkdwn(project, 100)}* fails, I will mention ${list(mentions)} in this channel.`,
  mentionOff: (project: string): string =>
    `Nobody is mentioned any more when *${fitMrkdwn(project, 100)}* fails in this channel.`,
  mentionShow: (project: string, mentions: readonly string[]): string =>
    mentions.length > 0
      ? `When *${fitMrkdwn(project, 100)}* fails here, I mention ${list(mentions)}.`
      : `Nobody is mentioned when *${fitMrkdwn(project, 100)}* fails here. \`/sota mention ${fitMrkdwn(project, 100)} @someone\` changes that.`,
  notSubscribed: (project: string): string =>
    `This channel does not follow \`${fitMrkdwn(project, 100)}\`. Run \`/sota subscribe ${fitMrkdwn(project, 100)}\` first.`,
  actions: (access: ActionAccess, changed: boolean): string => {
    const now = changed ? 'From now on, ' : '';
    if (access.mode === 'off') {
      return `${now}${changed ? 'n' : 'N'}obody can redeploy or roll back from messages in this workspace, and those buttons are not shown.`;
    }
    if (access.mode === 'everyone')
      return `${now}${changed ? 'e' : 'E'}veryone in this workspace can press Redeploy and Roll back (each asks for a confirmation).`;
    return `${now}${list(access.mentions)} can press Redeploy and Roll back (each asks for a confirmation).`;
  },
} as const;
