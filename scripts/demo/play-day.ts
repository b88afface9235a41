import { randomUUID } from 'node:crypto';
import { REASON_EVENT } from '../../src/delivery/reason-record.js';
import { signSotaPayload } from '../../src/sota/signature.js';
import { DEMO_PROJECTS } from './demo-cast.js';
import type { DayStep, PressStep } from './demo-day.js';
import { holdSotaAnswer } from './hold-sota-answer.js';
import { type PlayedPress, pressButton } from './press-button.js';
import { createEffectReader, createSotaCallReader, type SlackEffect } from './slack-effects.js';
import type { DemoWorld } from './start-demo-world.js';
import { waitUntil } from './wait-until.js';

/** A step as it went: what was sent, how the app answered, and what reached Slack. */
export interface PlayedStep {
  step: DayStep;
  /** The signed `timestamp` (ISO-8601). */
  at: string;
  projectName: string;
  deploymentId: string;
  status: number;
  effects: SlackEffect[];
}

export interface PlayedDay {
  steps: PlayedStep[];
  presses: PlayedPress[];
}

const DRAIN_TIMEOUT_MS = 20_000;
const DEPLOYMENTS_PATH = /^\/v1\/projects\/[^/]+\/deployments$/;

/** The status sota.io's deployment list gives after each event. */
const SOTA_STATUS = {
  'deploy.started': 'deploying',
  'deploy.succeeded': 'running',
  'deploy.failed': 'failed',
};

function webhookOf(world: DemoWorld, step: DayStep) {
  const slug = DEMO_PROJECTS[step.project].slug;
  const project = world.fakeSota.projects.find((p) => p.slug === slug);
  const webhook = world.fakeSota.webhooks.find((w) => w.projectId === project?.id);
  if (!project || !webhook) throw new Error(`no webhook was registered for ${slug}`);
  return { project, webhook };
}

/** POSTs a body to a registered webhook URL, signed with its secret as sota.io does. */
async function deliver(url: string, secret: string, body: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-sota-signature': signSotaPayload(secret, body) },
  });
  await res.arrayBuffer();
  return res.status;
}

/** Keeps sota.io's own deployment list (and logs) in step with the webhooks it sends. */
function recordInSota(world: DemoWorld, step: DayStep, projectId: string, deploymentId: string, at: string) {
  const known =
    world.fakeSota.deployments.find((d) => d.id === deploymentId) ??
    world.fakeSota.addDeployment({ projectId, id: deploymentId, status: 'deploying', createdAt: at });
  // A finished deployment stays finished, whatever arrives late.
  if (known.status === 'deploying') known.status = SOTA_STATUS[step.event];
  if (typeof step.data?.url === 'string') known.url = step.data.url;
  if (step.inSota?.reason) known.errorMessage = step.inSota.reason;
  if (step.inSota?.logs) world.fakeSota.logs.set(deploymentId, step.inSota.logs);
}

async function deliverPlainly(world: DemoWorld, send: () => Promise<number>) {
  const slack = createEffectReader(world.fakeSlack);
  const status = await send();
  await world.app.worker.drain(DRAIN_TIMEOUT_MS);
  return { status, effects: slack() };
}

/**
 * A failure sent without a reason: the app posts it, then looks the reason up in sota.io's
 * deployment list and updates the same messages. sota.io's answer is held until the first posts
 * are made, so the transcript shows both in that order every time.
 */
async function deliverLookingUpReason(
  world: DemoWorld,
  send: () => Promise<number>,
  hook: string,
  id: string,
) {
  const slack = createEffectReader(world.fakeSlack);
  const sota = createSotaCallReader(world.fakeSota);
  const held = holdSotaAnswer(world.fakeSota, 'GET', DEPLOYMENTS_PATH);
  try {
    const status = await send();
    await world.app.worker.drain(DRAIN_TIMEOUT_MS);
    await waitUntil(held.arrived);
    const posted = slack();
    held.release();
    const stored = async () =>
      (await world.app.store.listDeploymentEvents(hook, id)).some((e) => e.event === REASON_EVENT);
    await waitUntil(stored);
    await world.app.worker.drain(DRAIN_TIMEOUT_MS);
    return { status, effects: [...posted, ...sota(), ...slack()] };
  } finally {
    held.release();
  }
}

/**
 * Plays the steps one by one as signed webhooks: after each, waits until the delivery queue is
 * empty, so every step shows exactly what it changed in Slack. A press follows the webhook it
 * names. `onPlayed` sees each step and press as it ends.
 */
export async function playDay(
  world: DemoWorld,
  day: { steps: readonly DayStep[]; presses: readonly PressStep[] },
  dayStartMs: number,
  onPlayed: (played: PlayedStep | PlayedPress) => void,
): Promise<PlayedDay> {
  const ids = new Map<string, string>();
  const sent = new Map<string, string>();
  const played: PlayedDay = { steps: [], presses: [] };
  const setClock = (minute: number) => {
    const at = new Date(dayStartMs + minute * 60_000).toISOString();
    // A late event arrives late: the story's clock (the app's too) never goes back.
    world.clock.set(Math.max(world.clock.now(), Date.parse(at)));
    return at;
  };
  for (const step of day.steps) {
    const { project, webhook } = webhookOf(world, step);
    const deploymentId = ids.get(step.deployment) ?? randomUUID();
    ids.set(step.deployment, deploymentId);
    const at = setClock(step.minute);
    const key = `${step.deployment}/${step.event}`;
    const body = (step.duplicate && sent.get(key)) || eventBody(step, project.id, deploymentId, at);
    sent.set(key, body);
    if (!step.duplicate) recordInSota(world, step, project.id, deploymentId, at);
    const send = () => deliver(webhook.url, webhook.secret, body);
    const hookId = webhook.url.split('/').at(-1) ?? '';
    const { status, effects } =
      step.inSota?.reason && step.event === 'deploy.failed' && !step.duplicate
        ? await deliverLookingUpReason(world, send, hookId, deploymentId)
        : await deliverPlainly(world, send);
    const result = { step, at, projectName: project.name, deploymentId, status, effects };
    played.steps.push(result);
    onPlayed(result);
    if (step.duplicate) continue;
    for (const press of day.presses.filter(
      (p) => p.deployment === step.deployment && p.after === step.event,
    )) {
      setClock(press.minute);
      const pressed = await pressButton(world, press, deploymentId, project.name);
      played.presses.push(pressed);
      onPlayed(pressed);
    }
  }
  return played;
}

function eventBody(step: DayStep, projectId: string, deploymentId: string, at: string): string {
  return JSON.stringify({
    event: step.event,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: at,
    data: step.data ?? {},
  });
}
