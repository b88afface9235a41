import { VIEW_LOGS_ACTION_ID } from '../../src/blocks/deploy-buttons.js';
import type { FakeSlackMessage } from '../../test/fakes/fake-slack.js';
import { signSlackBody } from '../../test/helpers/slack-signing.js';
import { DEMO_CHANNELS, DEMO_TEAM, DEMO_USER } from './demo-cast.js';
import type { PressStep } from './demo-day.js';
import { holdSotaAnswer } from './hold-sota-answer.js';
import { createEffectReader, createSotaCallReader, type SlackEffect } from './slack-effects.js';
import type { DemoWorld } from './start-demo-world.js';
import { waitUntil } from './wait-until.js';

/** A press as it went: the button, the app's answer to Slack, and what it did. */
export interface PlayedPress {
  press: PressStep;
  /** The story's time of the press (ISO-8601). */
  at: string;
  projectName: string;
  deploymentId: string;
  /** The button's label as the message shows it. */
  label: string;
  status: number;
  effects: SlackEffect[];
  /** The modal the press opened, as it was last drawn. */
  modal?: { channelId: string; atMs: number; blocks: unknown[] };
}

type Element = { action_id?: string; value?: string; text?: { text?: string } };
type ActionsBlock = { type?: string; block_id?: string; elements?: Element[] };

/** The button with `actionId` for `deploymentId` on a message of the channel, as Slack shows it. */
function findButton(messages: FakeSlackMessage[], actionId: string, deploymentId: string) {
  for (const message of messages) {
    for (const block of (message.blocks ?? []) as ActionsBlock[]) {
      const element = (block.elements ?? []).find(
        (e) => e.action_id === actionId && e.value?.includes(`"deployment_id":"${deploymentId}"`),
      );
      // Slack gives a block without a block_id one of its own.
      if (element) return { message, blockId: block.block_id ?? 'dm0Q', element };
    }
  }
  throw new Error(`no ${actionId} button on the message of deployment ${deploymentId}`);
}

/** A block_actions payload as Slack sends it when the member presses (and confirms) the button. */
function blockActions(world: DemoWorld, press: PressStep, found: ReturnType<typeof findButton>, n: number) {
  const channel = DEMO_CHANNELS[press.channel];
  const { message, blockId, element } = found;
  const nowSeconds = world.clock.now() / 1000;
  return {
    type: 'block_actions',
    user: { id: DEMO_USER.id, username: DEMO_USER.name, name: DEMO_USER.name, team_id: DEMO_TEAM.id },
    api_app_id: 'A0DEMO',
    token: 'demo-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    trigger_id: `${Math.floor(nowSeconds)}.demo.trigger${n}`,
    team: { id: DEMO_TEAM.id, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.name },
    message: {
      type: 'message',
      user: 'U0SOTABOT',
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
    },
    state: { values: {} },
    response_url: `${world.responses.url}/actions/${n}`,
    actions: [
      {
        type: 'button',
        action_id: element.action_id,
        block_id: blockId,
        text: element.text,
        value: element.value,
        action_ts: nowSeconds.toFixed(6),
      },
    ],
  };
}

async function send(world: DemoWorld, payload: unknown): Promise<number> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await fetch(`${world.app.url}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...signSlackBody(world.signingSecret, body, Math.floor(world.clock.now() / 1000)),
    },
  });
  await res.arrayBuffer();
  return res.status;
}

const LOGS_PATH = /^\/v1\/projects\/[^/]+\/deployments\/[^/]+\/logs$/;
let presses = 0;

/**
 * Presses a button of a deployment's message through the real app, signed as Slack signs, and
 * waits until the app answered: "View logs" until the modal is filled (sota.io's logs are held
 * until the loading view is open, so the transcript shows both); any other button until its reply
 * is in the thread or told to the presser.
 */
export async function pressButton(
  world: DemoWorld,
  press: PressStep,
  deploymentId: string,
  projectName: string,
): Promise<PlayedPress> {
  const channelId = DEMO_CHANNELS[press.channel].id;
  const found = findButton(world.fakeSlack.messagesIn(channelId), press.actionId, deploymentId);
  const slack = createEffectReader(world.fakeSlack);
  const sota = createSotaCallReader(world.fakeSota);
  const payload = blockActions(world, press, found, ++presses);
  const at = new Date(world.clock.now()).toISOString();
  const base = { press, at, projectName, deploymentId, label: found.element.text?.text ?? press.actionId };
  if (press.actionId === VIEW_LOGS_ACTION_ID) {
    const updates = () => world.fakeSlack.callsTo('views.update');
    const before = updates().length;
    const held = holdSotaAnswer(world.fakeSota, 'GET', LOGS_PATH);
    try {
      const status = await send(world, payload);
      await waitUntil(held.arrived);
      const opened = slack();
      held.release();
      await waitUntil(() => updates().length > before);
      const blocks = (updates().at(-1)?.body.view as { blocks?: unknown[] } | undefined)?.blocks ?? [];
      const modal = { channelId, atMs: world.clock.now(), blocks };
      return { ...base, status, effects: [...opened, ...sota(), ...slack()], modal };
    } finally {
      held.release();
    }
  }
  const replies = () => world.fakeSlack.threadReplies(channelId, found.message.ts).length;
  const [repliesBefore, answersBefore] = [replies(), world.responses.answers.length];
  const status = await send(world, payload);
  await waitUntil(() => replies() > repliesBefore || world.responses.answers.length > answersBefore);
  return { ...base, status, effects: [...sota(), ...slack()] };
}
