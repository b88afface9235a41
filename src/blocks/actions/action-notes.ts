import { fitMrkdwn } from '../mrkdwn.js';

/** What the presser alone is told when a Redeploy / Roll back press did not reach sota.io or failed. */
export const ACTION_NOTES = {
  actionsOff: (): string =>
    'Redeploy and Roll back are turned off in this workspace (an admin can change that with `/sota actions`). Nothing was done.',
  notAllowed: (): string =>
    'You are not among the people this workspace lets redeploy or roll back (`/sota actions` says who). Nothing was done.',
  checkFailed: (): string =>
    'I could not check with Slack whether you may press this, so nothing was done — try again in a minute.',
  alreadyPressed: (): string =>
    'Someone pressed this less than a minute ago, and one call to sota.io is enough. Nothing more was done.',
  notLive: (project: string): string =>
    `This deployment is no longer the live one of *${fitMrkdwn(project, 100)}*, so I did not roll back. Nothing was done.`,
  nothingToRollBack: (message: string): string =>
    `sota.io says there is nothing to roll back to${message ? `: ${fitMrkdwn(message, 200)}` : ''}. Nothing was done.`,
  sotaFailed: (sentence: string): string =>
    `${fitMrkdwn(sentence, 300)}. sota.io may not have acted; check the project before pressing again.`,
  noKey: (): string =>
    'This workspace has no sota.io API key for this project (`/sota connect` adds one). Nothing was done.',
  unknownProject: (): string => 'This workspace no longer follows that project. Nothing was done.',
} as const;
