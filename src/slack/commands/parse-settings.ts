import type { ActionAccess } from '../../store/types.js';
import { parseMentions } from './parse-mentions.js';

/** `/sota mention <project> <mentions…>|off` and `/sota actions off|everyone|<mentions…>`, parsed. */
export type SettingsCommand =
  | { kind: 'mention'; project: string; mentions: string[] | 'show' }
  | { kind: 'actions'; access: ActionAccess | 'show' }
  | { kind: 'invalid'; reason: string };

const MENTION_USAGE =
  'Use `/sota mention &lt;project&gt; @person @group @here` (people and groups picked from Slack’s list, so they arrive as real mentions) or `/sota mention &lt;project&gt; off`.';
const ACTIONS_USAGE =
  'Use `/sota actions off`, `/sota actions everyone`, or `/sota actions @person @group` (picked from Slack’s list).';

export function parseMentionCommand(args: string[]): SettingsCommand {
  const [project, ...rest] = args;
  if (project === undefined) return { kind: 'invalid', reason: `Tell me which project. ${MENTION_USAGE}` };
  if (rest.length === 0) return { kind: 'mention', project, mentions: 'show' };
  if (rest.length === 1 && rest[0]?.toLowerCase() === 'off')
    return { kind: 'mention', project, mentions: [] };
  const parsed = parseMentions(rest.join(' '), ['user', 'group', 'broadcast']);
  if (!parsed.ok) return { kind: 'invalid', reason: `That is not a mention I can use. ${MENTION_USAGE}` };
  return { kind: 'mention', project, mentions: parsed.mentions };
}

export function parseActionsCommand(args: string[]): SettingsCommand {
  if (args.length === 0) return { kind: 'actions', access: 'show' };
  const word = args.length === 1 ? args[0]?.toLowerCase() : undefined;
  if (word === 'off') return { kind: 'actions', access: { mode: 'off' } };
  if (word === 'everyone') return { kind: 'actions', access: { mode: 'everyone' } };
  const parsed = parseMentions(args.join(' '), ['user', 'group']);
  if (!parsed.ok) return { kind: 'invalid', reason: `I cannot tell who that is. ${ACTIONS_USAGE}` };
  return { kind: 'actions', access: { mode: 'members', mentions: parsed.mentions } };
}
