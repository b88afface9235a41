import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import { DEMO_CHANNELS, DEMO_SUBSCRIPTIONS } from './demo-cast.js';
import { DEMO_DAY } from './demo-day.js';
import { createPaint, type Paint } from './paint.js';
import { type PlayedStep, playDay } from './play-day.js';
import { type CommandRun, PREVIEW_USERS, previewItems } from './preview-items.js';
import { runSlashCommand } from './run-slash-command.js';
import { type DemoWorld, startDemoWorld } from './start-demo-world.js';
import { formatChannel, formatCommand, formatHeading, formatStep } from './transcript.js';

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
}

type CommandStep = { channel: { id: string; name: string }; text: string };

async function command(world: DemoWorld, paint: Paint, options: DemoOptions, step: CommandStep) {
  const answer = await runSlashCommand(world, step.channel, step.text);
  const run = { channelId: step.channel.id, command: `/sota ${step.text}`, answer, atMs: world.clock.now() };
  options.write(formatCommand(paint, `#${step.channel.name}`, run.command, String(answer.text ?? '')));
  return run;
}

function writePreview(world: DemoWorld, commands: CommandRun[], path: string | undefined): string {
  const target = resolve(path ?? join(mkdtempSync(join(tmpdir(), 'sota-slack-demo-')), 'slack-preview.html'));
  const html = renderSlackPreviewHtml(previewItems(world, commands), {
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
  for (const channel of Object.values(DEMO_CHANNELS)) {
    const messages = world.fakeSlack.messagesIn(channel.id).map((m) => ({
      text: String(m.text ?? ''),
      replies: world.fakeSlack.threadReplies(channel.id, m.ts).map((r) => String(r.text ?? '')),
    }));
    options.write(formatChannel(paint, `#${channel.name}`, messages));
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
    options.write(
      formatHeading(paint, 'A day of deployments: signed webhooks from sota.io, and what reached Slack'),
    );
    const played = await playDay(world, DEMO_DAY, dayStart, (p) => options.write(formatStep(paint, p)));
    options.write(formatHeading(paint, 'Asking the app what #deploys follows'));
    world.clock.set(Date.now() - 60_000);
    commands.push(await command(world, paint, options, { channel: DEMO_CHANNELS.deploys, text: 'list' }));
    summarise(world, paint, options);
    const previewPath = writePreview(world, commands, options.previewPath);
    options.write(formatHeading(paint, 'The same messages as Slack draws them'));
    options.write(`  open ${paint('bold', previewPath)}`);
    return { previewPath, commands, played };
  } finally {
    await world.stop();
  }
}
