import type { PreviewChannel, PreviewMessage } from '../../src/preview/render-slack-preview-html.js';
import { DEMO_CHANNELS, DEMO_USER } from './demo-cast.js';
import type { DemoUnfurl } from './play-signals.js';
import type { PlayedPress } from './press-button.js';
import type { DemoWorld } from './start-demo-world.js';
import { clockOf } from './transcript.js';

/** A slash command the demo ran, and the app's answer to it. */
export interface CommandRun {
  channelId: string;
  command: string;
  answer: Record<string, unknown>;
  atMs: number;
}

type Timed = { atMs: number; message: PreviewMessage };

const timeLabel = (ms: number) => clockOf(new Date(ms).toISOString());

function commandMessage(run: CommandRun): Timed {
  const message: PreviewMessage = {
    text: run.answer.text,
    blocks: run.answer.blocks,
    time: timeLabel(run.atMs),
    command: run.command,
    ephemeral: run.answer.response_type !== 'in_channel',
  };
  return { atMs: run.atMs, message };
}

function slackMessages(world: DemoWorld, channelId: string): Timed[] {
  return world.fakeSlack.messagesIn(channelId).map((m) => {
    const replies = world.fakeSlack
      .threadReplies(channelId, m.ts)
      .map((r) => ({ text: r.text, blocks: r.blocks, time: timeLabel(r.postedAt) }));
    const message = { text: m.text, blocks: m.blocks, time: timeLabel(m.postedAt), replies };
    return { atMs: m.postedAt, message };
  });
}

/** The message with the pasted link, and under it what the app unfurled it to. */
function unfurlMessage(unfurl: DemoUnfurl): Timed {
  const link = { type: 'section', text: { type: 'mrkdwn', text: `<${unfurl.url}|${unfurl.url}>` } };
  const message = {
    author: DEMO_USER.name,
    text: unfurl.url,
    blocks: [link, ...unfurl.blocks],
    time: timeLabel(unfurl.atMs),
  };
  return { atMs: unfurl.atMs, message };
}

/** The modal a press opened, drawn in the channel where the button was pressed (only the presser sees it). */
function modalMessage(press: PlayedPress): Timed[] {
  if (!press.modal) return [];
  const message: PreviewMessage = {
    text: 'Deployment logs',
    blocks: press.modal.blocks,
    time: timeLabel(press.modal.atMs),
    command: press.label,
    ephemeral: true,
  };
  return [{ atMs: press.modal.atMs, message }];
}

/** What each demo channel (and the app's Messages tab) shows, in time order, for the preview page. */
export function previewItems(
  world: DemoWorld,
  commands: readonly CommandRun[],
  extras: { unfurl?: DemoUnfurl; presses?: readonly PlayedPress[] } = {},
): PreviewChannel[] {
  const { unfurl, presses = [] } = extras;
  const channels = Object.values(DEMO_CHANNELS).map((channel) => {
    const timed = [
      ...commands.filter((c) => c.channelId === channel.id).map(commandMessage),
      ...slackMessages(world, channel.id),
      ...presses.filter((p) => p.modal?.channelId === channel.id).flatMap(modalMessage),
      ...(unfurl && channel.id === DEMO_CHANNELS.deploys.id ? [unfurlMessage(unfurl)] : []),
    ].sort((a, b) => a.atMs - b.atMs);
    return { channel: `#${channel.name}`, messages: timed.map((t) => t.message) };
  });
  const direct = slackMessages(world, DEMO_USER.id).map((t) => t.message);
  return direct.length > 0
    ? [...channels, { channel: 'sota · Messages (to @alex)', messages: direct }]
    : channels;
}

export const PREVIEW_USERS = { [DEMO_USER.id]: DEMO_USER.name };
