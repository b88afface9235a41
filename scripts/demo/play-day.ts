import { randomUUID } from 'node:crypto';
import { signSotaPayload } from '../../src/sota/signature.js';
import { DEMO_PROJECTS } from './demo-cast.js';
import type { DayStep } from './demo-day.js';
import { createEffectReader, type SlackEffect } from './slack-effects.js';
import type { DemoWorld } from './start-demo-world.js';

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

const DRAIN_TIMEOUT_MS = 20_000;

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

/**
 * Plays the steps one by one as signed webhooks: after each, waits until the delivery queue is
 * empty, so every step shows exactly what it changed in Slack. `onStep` sees each step as it ends.
 */
export async function playDay(
  world: DemoWorld,
  steps: readonly DayStep[],
  dayStartMs: number,
  onStep: (played: PlayedStep) => void,
): Promise<PlayedStep[]> {
  const ids = new Map<string, string>();
  const sent = new Map<string, string>();
  const readEffects = createEffectReader(world.fakeSlack);
  const played: PlayedStep[] = [];
  for (const step of steps) {
    const { project, webhook } = webhookOf(world, step);
    const deploymentId = ids.get(step.deployment) ?? randomUUID();
    ids.set(step.deployment, deploymentId);
    const at = new Date(dayStartMs + step.minute * 60_000).toISOString();
    const key = `${step.deployment}/${step.event}`;
    const body = (step.duplicate && sent.get(key)) || eventBody(step, project.id, deploymentId, at);
    sent.set(key, body);
    // A late event arrives late: the story's clock (the app's too) never goes back.
    world.clock.set(Math.max(world.clock.now(), Date.parse(at)));
    const status = await deliver(webhook.url, webhook.secret, body);
    await world.app.worker.drain(DRAIN_TIMEOUT_MS);
    const result = { step, at, projectName: project.name, deploymentId, status, effects: readEffects() };
    played.push(result);
    onStep(result);
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
