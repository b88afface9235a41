import { signSlackBody } from '../../test/helpers/slack-signing.js';
import { DEMO_TEAM, DEMO_USER } from './demo-cast.js';
import type { DemoWorld } from './start-demo-world.js';

const ANSWER_WAIT_MS = 10_000;

/**
 * Sends `/sota <text>` from a channel exactly as Slack does (form body, v0 signature) and returns
 * the answer the app posts to the response_url.
 */
export async function runSlashCommand(
  world: DemoWorld,
  channel: { id: string; name: string },
  text: string,
): Promise<Record<string, unknown>> {
  const before = world.responses.answers.length;
  const body = new URLSearchParams({
    team_id: DEMO_TEAM.id,
    team_domain: 'acme',
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: DEMO_USER.id,
    user_name: DEMO_USER.name,
    command: '/sota',
    text,
    api_app_id: 'A0DEMO',
    response_url: `${world.responses.url}/commands/${before + 1}`,
    trigger_id: `trigger-${before + 1}`,
  }).toString();
  const res = await fetch(`${world.app.url}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackBody(world.signingSecret, body, Math.floor(world.clock.now() / 1000)),
    },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/sota ${text} was answered ${res.status}`);
  return waitForAnswer(world, before);
}

async function waitForAnswer(world: DemoWorld, before: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + ANSWER_WAIT_MS;
  while (world.responses.answers.length <= before) {
    if (Date.now() > deadline) throw new Error('the app did not answer the slash command');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return world.responses.answers[before] ?? {};
}
