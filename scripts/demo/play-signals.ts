import { signSlackBody } from '../../test/helpers/slack-signing.js';
import { DEMO_CHANNELS, DEMO_TEAM, DEMO_USER } from './demo-cast.js';
import type { Paint } from './paint.js';
import { plainMrkdwn } from './plain-mrkdwn.js';
import { createEffectReader, type SlackEffect } from './slack-effects.js';
import type { DemoWorld } from './start-demo-world.js';
import { formatHeading } from './transcript.js';
import { waitUntil } from './wait-until.js';

/** A pasted sota.io link and what it unfurled to (the blocks under the link). */
export interface DemoUnfurl {
  url: string;
  atMs: number;
  blocks: unknown[];
}

/** Sends one Events API event exactly as Slack does (JSON body, v0 signature at the story's time). */
async function sendEvent(world: DemoWorld, event: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    team_id: DEMO_TEAM.id,
    api_app_id: 'A0DEMO',
    type: 'event_callback',
    event_id: `Ev${world.clock.now()}`,
    event_time: Math.floor(world.clock.now() / 1000),
    event,
  });
  const res = await fetch(`${world.app.url}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      ...signSlackBody(world.signingSecret, body, Math.floor(world.clock.now() / 1000)),
    },
  });
  await res.arrayBuffer();
}

/** Runs the timed signals once (mute ends, due digests) and posts what they claimed. */
export async function tickSignals(world: DemoWorld): Promise<void> {
  await world.app.signals.ticker.tick();
  await world.app.signals.notices.runOnce();
}

export function effectLines(paint: Paint, effects: SlackEffect[]): string[] {
  return effects.map(
    (e) =>
      `         ${paint('cyan', e.channel.padEnd(14))} ${e.kind.padEnd(10)} ${plainMrkdwn(e.text, { [DEMO_USER.id]: DEMO_USER.name }).split('\n')[0]}`,
  );
}

/** A link pasted in #deploys is unfurled; #shop-alerts is archived and its subscriber told. */
export async function playLinkAndArchive(world: DemoWorld, paint: Paint, write: (t: string) => void) {
  const read = createEffectReader(world.fakeSlack);
  write(
    formatHeading(
      paint,
      'A sota.io link pasted in #deploys is unfurled (the workspace follows that project)',
    ),
  );
  const url = 'https://shop.sota.io/pricing';
  const before = world.fakeSlack.callsTo('chat.unfurl').length;
  await sendEvent(world, {
    type: 'link_shared',
    channel: DEMO_CHANNELS.deploys.id,
    user: DEMO_USER.id,
    message_ts: `${Math.floor(world.clock.now() / 1000)}.000100`,
    links: [{ domain: 'sota.io', url }],
  });
  await waitUntil(() => world.fakeSlack.callsTo('chat.unfurl').length > before);
  const call = world.fakeSlack.callsTo('chat.unfurl').at(-1);
  const raw = call?.body.unfurls;
  const unfurls = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, { blocks: unknown[] }>;
  const blocks = unfurls[url]?.blocks ?? [];
  write(`         ${paint('cyan', '#deploys'.padEnd(14))} unfurled   ${url}`);

  write(
    formatHeading(
      paint,
      '#shop-alerts is archived: it pauses at once, and @alex (who subscribed it) is told once',
    ),
  );
  await sendEvent(world, {
    type: 'channel_archive',
    channel: DEMO_CHANNELS.shopAlerts.id,
    user: DEMO_USER.id,
  });
  await waitUntil(
    () => world.fakeSlack.messagesIn(DEMO_USER.id).length > 0,
    () => tickSignals(world),
  );
  for (const line of effectLines(paint, read())) write(line);
  return { url, atMs: world.clock.now(), blocks } satisfies DemoUnfurl;
}
