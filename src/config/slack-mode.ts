import { rawValue } from './variables.js';

export type SlackMode =
  | { kind: 'single'; botToken: string }
  | { kind: 'multi'; clientId: string; clientSecret: string; stateSecret: string };

const OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const MODES =
  'SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"';

/**
 * Which Slack mode the environment selects. Exactly one must be set completely: the bot token, or all
 * three OAuth values. Half of a mode, or parts of both, is a problem named variable by variable.
 */
export function parseSlackMode(env: NodeJS.ProcessEnv, problems: string[]): SlackMode {
  const botToken = rawValue(env, 'SLACK_BOT_TOKEN');
  const oauth = OAUTH.map((name) => rawValue(env, name));
  const setOauth = OAUTH.filter((_, i) => oauth[i] !== undefined);
  if (botToken !== undefined && setOauth.length > 0) {
    problems.push(`SLACK_BOT_TOKEN and ${setOauth.join(', ')} are both set: choose one Slack mode, ${MODES}`);
    return { kind: 'single', botToken };
  }
  if (botToken !== undefined) return { kind: 'single', botToken };
  if (setOauth.length === 0) {
    problems.push(
      'SLACK_BOT_TOKEN is required (the xoxb- bot token for one workspace), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"',
    );
    return { kind: 'single', botToken: '' };
  }
  const [clientId, clientSecret, stateSecret] = oauth;
  if (clientId && clientSecret && stateSecret) return { kind: 'multi', clientId, clientSecret, stateSecret };
  for (const name of OAUTH.filter((_, i) => oauth[i] === undefined)) {
    problems.push(
      `${name} is required with ${setOauth.join(' and ')} ("Add to Slack" needs all three), or unset them and set SLACK_BOT_TOKEN`,
    );
  }
  return { kind: 'single', botToken: '' };
}
