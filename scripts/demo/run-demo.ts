import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import type { FakeSlackCall } from '../../test/fakes/fake-slack.js';
import type { FakeSotaRequest } from '../../test/fakes/fake-sota.js';
import {
  channelLabel,
  DEMO_ACTIONS_COMMAND,
  DEMO_CHANNELS,
  DEMO_SUBSCRIPTIONS,
  DEMO_USER,
} from './demo-cast.js';
import { DEMO_DAY, DEMO_PRESSES } from './demo-day.js';
import { createPaint, type Paint } from './paint.js';
import { plainMrkdwn } from './plain-mrkdwn.js';
import { type PlayedStep, playDay } from './play-day.js';
import { type DemoUnfurl, effectLines, playLinkAndArchive, tickSignals } from './play-signals.js';
import type { PlayedPress } from './press-button.js';
import { type CommandRun, PREVIEW_USERS, previewItems } from './preview-items.js';
import { runSlashCommand } from './run-slash-command.js';
import { createEffectReader } from './slack-effects.js';
import { type DemoWorld, startDemoWorld } from './start-demo-world.js';
import { formatChannel, formatCommand, formatHeading, formatPress, formatStep } from './transcript.js';

export interface DemoOptions {
  /** Receives the transcript, one chunk (one or more lines) at a time. */
  write(text: string): void;
  colour: boolean;
  /** Where the HTML preview goes (default: a fresh temp dir). */
  previewPath?: string;
}

export interface DemoResult {
  previewPath: string;
  commands: CommandRun[];
  played: PlayedStep[];
  presses: PlayedPress[];
  /** Every call the app made to the Slack stand-in, and every request it sent to the sota.io one. */
  slackCalls: readonly FakeSlackCall[];
  sotaRequests: readonly FakeSotaRequest[];
}

/** `HH:MM` (UTC) of an instant: the demo's digest falls just after its day. */
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

type CommandStep = { channel: { id: string; name: string }; text: string };

async function command(world: DemoWorld, paint: Paint, options: DemoOptions, step: CommandStep) {
  const answer = await runSlashCommand(world, step.channel, step.text);
  const typed = `/sota ${plainMrkdwn(step.text, PREVIEW_USERS)}`;
  const run = { channelId: step.channel.id, command: typed, answer, atMs: world.clock.now() };
  options.write(formatCommand(paint, `#${step.channel.name}`, run.command, String(answer.text ?? '')));
  return run;
}

function writePreview(
  world: DemoWorld,
  commands: CommandRun[],
  extras: { unfurl: DemoUnfurl; presses: PlayedPress[] },
  path: string | undefined,
): string {
  const target = resolve(path ?? join(mkdtempSync(join(tmpdir(), 'sota-slack-demo-')), 'slack-preview.html'));
  const html = renderSlackPreviewHtml(previewItems(world, commands, extras), {
    title: 'sota-slack demo — what reached Slack',
    subtitle: 'Rendered from the messages the app sent to the local Slack stand-in during `npm run demo`.',
    users: PREVIEW_USERS,
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, html);
  return target;
}

function summarise(world: DemoWorld, paint: Paint, options: DemoOptions): void {
  options.write(formatHeading(paint, 'What the channels show now'));
  for (const channel of [...Object.values(DEMO_CHANNELS), { id: DEMO_USER.id, name: '' }]) {
    const messages = world.fakeSlack.messagesIn(channel.id).map((m) => ({
      text: String(m.text ?? ''),
      replies: world.fakeSlack.threadReplies(channel.id, m.ts).map((r) => String(r.text ?? '')),
    }));
    options.write(formatChannel(paint, channelLabel(channel.id), messages));
  }
}

/**
 * The newcomer's tour: the real app with local stand-ins, channels subscribed through `/sota`, a day
 * of signed webhooks, and what reached Slack — as a transcript and as an HTML page.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const paint = createPaint(options.colour);
  const world = await startDemoWorld();
  try {
    const dayStart = Math.floor((Date.now() - 5 * 3600_000) / 60_000) * 60_000;
    options.write(
      paint(
        'bold',
        'sota-slack demo — the real app on a temporary SQLite store, with local stand-ins for Slack and sota.io',
      ),
    );
    options.write(paint('dim', `app listening on ${world.app.url}; nothing leaves this machine`));
    options.write(
      formatHeading(paint, 'Subscribing channels with /sota (requests signed the way Slack signs them)'),
    );
    world.clock.set(dayStart - 10 * 60_000);
    const commands: CommandRun[] = [];
    for (const step of DEMO_SUBSCRIPTIONS) commands.push(await command(world, paint, options, step));
    commands.push(await command(world, paint, options, DEMO_ACTIONS_COMMAND));
    const digestAt = dayStart + 225 * 60_000;
    const digest = { channel: DEMO_CHANNELS.deploys, text: `digest ${hhmm(digestAt)}` };
    commands.push(await command(world, paint, options, digest));
    options.write(
      formatHeading(
        paint,
        'A day of deployments: signed webhooks from sota.io, buttons pressed in Slack, and what the app did',
      ),
    );
    const day = { steps: DEMO_DAY, presses: DEMO_PRESSES };
    const played = await playDay(world, day, dayStart, (p) =>
      options.write('step' in p ? formatStep(paint, p) : formatPress(paint, p)),
    );
    options.write(formatHeading(paint, 'Muting #deploys for an hour, asking what it follows, unmuting'));
    world.clock.set(dayStart + 216 * 60_000);
    const deploys = DEMO_CHANNELS.deploys;
    const effects = createEffectReader(world.fakeSlack);
    commands.push(await command(world, paint, options, { channel: deploys, text: 'mute all 1h' }));
    commands.push(await command(world, paint, options, { channel: deploys, text: 'list' }));
    world.clock.set(dayStart + 220 * 60_000);
    commands.push(await command(world, paint, options, { channel: deploys, text: 'unmute all' }));
    await tickSignals(world);
    for (const line of effectLines(paint, effects())) options.write(line);
    options.write(formatHeading(paint, `The daily digest of #deploys at ${hhmm(digestAt)} UTC`));
    world.clock.set(digestAt + 30_000);
    await tickSignals(world);
    for (const line of effectLines(paint, effects())) options.write(line);
    const unfurl = await playLinkAndArchive(world, paint, options.write);
    summarise(world, paint, options);
    const previewPath = writePreview(
      world,
      commands,
      { unfurl, presses: played.presses },
      options.previewPath,
    );
    options.write(formatHeading(paint, 'The same messages as Slack draws them'));
    options.write(`  open ${paint('bold', previewPath)}`);
    const calls = { slackCalls: world.fakeSlack.calls, sotaRequests: world.fakeSota.requests };
    return { previewPath, commands, played: played.steps, presses: played.presses, ...calls };
  } finally {
    await world.stop();
  }
}
