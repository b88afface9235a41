import { oneLine, truncate } from '../../blocks/limits.js';
import { KNOWN_EVENTS, type KnownEvent } from '../../sota/event.js';
import { parseActionsCommand, parseMentionCommand, type SettingsCommand } from './parse-settings.js';
import { parseDigest, parseMute, parseUnmute, type SignalCommand } from './parse-signal-commands.js';

/** What the text after `/sota` asks for. Pure: no I/O, no Slack types. */
export type SotaCommand =
  | { kind: 'subscribe'; project: string; events: KnownEvent[]; changes?: true }
  | { kind: 'unsubscribe'; project: string }
  | { kind: 'test'; project: string }
  | { kind: 'list' }
  | { kind: 'connect' }
  | { kind: 'disconnect' }
  | { kind: 'help' }
  | SettingsCommand
  | SignalCommand
  | { kind: 'invalid'; reason: string };

const EVENT_ALIASES: Record<string, KnownEvent> = {
  'deploy.started': 'deploy.started',
  'deploy.succeeded': 'deploy.succeeded',
  'deploy.failed': 'deploy.failed',
  started: 'deploy.started',
  succeeded: 'deploy.succeeded',
  failed: 'deploy.failed',
};

const EVENT_WORDS =
  'started, succeeded, failed (or deploy.started, deploy.succeeded, deploy.failed), and `changes` for break and recovery messages';

/** Parses the text of a `/sota` command. Empty text and `help` both mean help. */
export function parseSotaCommand(text: string): SotaCommand {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const [sub, ...args] = words;
  if (sub === undefined) return { kind: 'help' };
  switch (sub.toLowerCase()) {
    case 'subscribe':
      return parseSubscribe(args);
    case 'unsubscribe':
      return withProject('unsubscribe', args);
    case 'test':
      return withProject('test', args);
    case 'mention':
      return parseMentionCommand(args);
    case 'actions':
      return parseActionsCommand(args);
    case 'mute':
      return parseMute(args, clip);
    case 'unmute':
      return parseUnmute(args, clip);
    case 'digest':
      return parseDigest(args, clip);
    case 'list':
    case 'connect':
    case 'disconnect':
    case 'help':
      return noArguments(sub.toLowerCase() as 'list' | 'connect' | 'disconnect' | 'help', args);
    default:
      return { kind: 'invalid', reason: `I don't know the command \`${clip(sub)}\`.` };
  }
}

function parseSubscribe(args: string[]): SotaCommand {
  const [project, ...eventWords] = args;
  if (project === undefined) {
    return { kind: 'invalid', reason: 'Tell me which project: `/sota subscribe <project id or slug>`.' };
  }
  const chosen = new Set<KnownEvent>();
  let changes = false;
  for (const word of eventWords) {
    if (word.toLowerCase() === 'changes') {
      changes = true;
      continue;
    }
    const event = EVENT_ALIASES[word.toLowerCase()];
    if (event === undefined) {
      return { kind: 'invalid', reason: `\`${clip(word)}\` is not an event I know. Use ${EVENT_WORDS}.` };
    }
    chosen.add(event);
  }
  if (changes)
    return { kind: 'subscribe', project, events: KNOWN_EVENTS.filter((e) => chosen.has(e)), changes };
  const events = chosen.size === 0 ? [...KNOWN_EVENTS] : KNOWN_EVENTS.filter((e) => chosen.has(e));
  return { kind: 'subscribe', project, events };
}

function withProject(kind: 'unsubscribe' | 'test', args: string[]): SotaCommand {
  const [project, ...extra] = args;
  if (project === undefined) {
    return { kind: 'invalid', reason: `Tell me which project: \`/sota ${kind} <project id or slug>\`.` };
  }
  if (extra.length > 0) return tooMany(kind, extra);
  return { kind, project };
}

function noArguments(kind: 'list' | 'connect' | 'disconnect' | 'help', args: string[]): SotaCommand {
  if (args.length > 0) return tooMany(kind, args);
  return { kind };
}

function tooMany(kind: string, extra: string[]): SotaCommand {
  const words = extra.map(clip).join(' ');
  return { kind: 'invalid', reason: `\`/sota ${kind}\` does not take \`${clip(words)}\`.` };
}

/**
 * Keeps echoed user input short and inert: no backticks, mentions, links, control or bidirectional
 * characters can come through.
 */
function clip(word: string): string {
  const short = truncate(oneLine(word), 40);
  return short.replace(/`/g, "'").replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
