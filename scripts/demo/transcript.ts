import { DEMO_USER } from './demo-cast.js';
import type { Paint } from './paint.js';
import { plainMrkdwn } from './plain-mrkdwn.js';
import type { PlayedStep } from './play-day.js';
import type { PlayedPress } from './press-button.js';
import type { SlackEffect } from './slack-effects.js';

const USERS = { [DEMO_USER.id]: DEMO_USER.name };
const STEP_INDENT = ' '.repeat(9);
const KIND_LABEL: Record<SlackEffect['kind'], string> = {
  posted: 'posted ',
  updated: 'updated',
  thread: '↳ thread',
  opened: 'opened',
  called: 'called',
};

/** Lines after the first are indented to `indent`. */
function indentLines(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

/** `14:05` (UTC) from an ISO timestamp. */
export function clockOf(iso: string): string {
  return iso.slice(11, 16);
}

export function formatHeading(paint: Paint, text: string): string {
  return `\n${paint('bold', `▸ ${text}`)}`;
}

/** A slash command and the app's answer, as the channel saw it. */
export function formatCommand(paint: Paint, channel: string, command: string, answer: string): string {
  const head = `  ${paint('cyan', channel.padEnd(14))} ${paint('bold', command)}`;
  const indent = ' '.repeat(17);
  return `${head}\n${indent}${indentLines(plainMrkdwn(answer, USERS), indent)}`;
}

function formatEffect(paint: Paint, effect: SlackEffect): string {
  const label = effect.kind === 'thread' ? paint('dim', KIND_LABEL.thread) : KIND_LABEL[effect.kind];
  const indent = `${STEP_INDENT}${' '.repeat(25)}`;
  return `${STEP_INDENT}${paint('cyan', effect.channel.padEnd(14))} ${label.padEnd(10)} ${indentLines(plainMrkdwn(effect.text, USERS), indent)}`;
}

/** One webhook: when, what, the app's answer, and every change it made in Slack. */
export function formatStep(paint: Paint, played: PlayedStep): string {
  const { step, status } = played;
  const answer =
    status >= 200 && status < 300 ? paint('green', String(status)) : paint('red', String(status));
  const lines = [
    `  ${paint('dim', clockOf(played.at))}  ${step.event.padEnd(17)} ${played.projectName.padEnd(14)} ${played.deploymentId.slice(0, 8)}  → ${answer}`,
  ];
  if (step.note) lines.push(`${STEP_INDENT}${paint('yellow', step.note)}`);
  for (const effect of played.effects) lines.push(formatEffect(paint, effect));
  if (played.effects.length === 0) lines.push(`${STEP_INDENT}${paint('dim', 'no change in Slack')}`);
  return lines.join('\n');
}

/** A button pressed: who pressed which, on which deployment's message, and what the app did. */
export function formatPress(paint: Paint, played: PlayedPress): string {
  const answer =
    played.status >= 200 && played.status < 300
      ? paint('green', String(played.status))
      : paint('red', String(played.status));
  const what = `@${DEMO_USER.name} presses “${played.label}”`;
  const lines = [
    `  ${paint('dim', clockOf(played.at))}  ${what.padEnd(17)} ${played.projectName.padEnd(14)} ${played.deploymentId.slice(0, 8)}  → ${answer}`,
    `${STEP_INDENT}${paint('yellow', played.press.note)}`,
  ];
  for (const effect of played.effects) lines.push(formatEffect(paint, effect));
  return lines.join('\n');
}

/** A channel's messages now, each with its thread replies under it. */
export function formatChannel(
  paint: Paint,
  channel: string,
  messages: Array<{ text: string; replies: string[] }>,
): string {
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
  const lines = [`  ${paint('cyan', channel)} — ${count}`];
  for (const message of messages) {
    lines.push(`    ${indentLines(plainMrkdwn(message.text, USERS), '    ')}`);
    for (const reply of message.replies)
      lines.push(`      ${paint('dim', '└')} ${plainMrkdwn(reply, USERS)}`);
  }
  return lines.join('\n');
}
