import { fitMrkdwn } from '../mrkdwn.js';

/**
 * The short answers to `/sota` commands that are not lists or forms. Each says what happened and
 * what to do next; none carries a secret. Arguments are raw text and are escaped here.
 */
export const COMMAND_NOTES = {
  noPublicUrl: (): string =>
    'I cannot register webhooks yet: the app operator must set `PUBLIC_URL` (the public https address of this app) and restart it.',
  noSotaKey: (): string =>
    'This workspace has no sota.io API key yet. Run `/sota connect` to add one (it opens a private form, the key is never posted in the channel).',
  notInChannel: (): string =>
    'I am not a member of this private channel, so I cannot post here. Run `/invite @sota` in this channel first, then try again.',
  slackUnreachable: (what: string, call: string, how: string): string =>
    `I could not reach Slack to ${what} (\`${fitMrkdwn(call, 60)}\`: ${fitMrkdwn(how, 80)}). Nothing was changed — try again in a minute.`,
  channelCheckFailed: (code: string): string =>
    `I could not check this channel (Slack answered \`${fitMrkdwn(code, 60)}\`). Nothing was changed — try again in a minute.`,
  projectNotFound: (asked: string): string =>
    `I could not find a sota.io project \`${fitMrkdwn(asked, 100)}\` with this workspace’s API key. Check the project id or slug, or that the key belongs to the account that owns the project (\`/sota connect\` replaces the key).`,
  sotaFailed: (sentence: string): string => `${fitMrkdwn(sentence, 400)}. Nothing was changed.`,
  /** sota.io may have acted without our hearing the answer (timeout, reset, unreadable answer). */
  sotaUncertain: (sentence: string): string =>
    `${fitMrkdwn(sentence, 400)}. Nothing was subscribed; if sota.io registered a webhook anyway, I will remove it again.`,
  internalError: (): string =>
    'Something went wrong on my side and nothing was changed — try again in a minute. If it keeps happening, ask the app operator to check the logs.',
  disconnected: (fallback: boolean): string =>
    fallback
      ? 'Disconnected: this workspace’s sota.io API key is forgotten. The app’s default key now serves this workspace; existing subscriptions keep working.'
      : 'Disconnected: this workspace’s sota.io API key is forgotten. Existing subscriptions keep working; to add new ones, run `/sota connect` again.',
  notConnected: (fallback: boolean): string =>
    fallback
      ? 'This workspace has no sota.io API key of its own; the app’s default key serves it.'
      : 'This workspace has no sota.io API key to forget. `/sota connect` adds one.',
  /** A key, or who may press the action buttons, is changed only by its managers. */
  notKeyManager: (what: string): string =>
    `Only workspace admins and owners, or the member who connected this workspace’s sota.io key, can ${what}. Nothing was changed.`,
  keyManagerCheckFailed: (): string =>
    'I could not check with Slack who you are in this workspace, so nothing was changed — try again in a minute.',
  connectOpenFailed: (): string =>
    'I could not open the form to connect sota.io — run `/sota connect` again.',
  testPosted: (project: string): string =>
    `Posted a sample deployment message for *${fitMrkdwn(project, 100)}* in this channel. Real ones look the same.`,
  testHeld: (seconds: number): string =>
    `Slack asked this workspace to slow down, so I did not post the sample. Try again in ${seconds} s; deployment messages go out as soon as Slack allows.`,
  testFailed: (code: string): string =>
    `I could not post the sample here (Slack answered \`${fitMrkdwn(code, 60)}\`). If this is a private channel, run \`/invite @sota\` first.`,
} as const;
