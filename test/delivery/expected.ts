/** What a channel should show, computed with the product's own reducer and renderers, plus metric reads. */
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { type DeploymentView, reduceDeployment } from '../../src/sota/deployment-state.js';
import type { KnownEvent } from '../../src/sota/event.js';

export interface Ev {
  event: KnownEvent;
  occurredAt: string;
  data?: Record<string, unknown>;
}

export function viewOf(projectId: string, deploymentId: string, events: Ev[]): DeploymentView {
  const records = events.map((e) => ({ event: e.event, occurredAt: e.occurredAt, data: e.data ?? {} }));
  const view = reduceDeployment({ projectId, projectName: 'my-app', deploymentId }, records);
  if (!view) throw new Error('no view for these events');
  return view;
}

/** The message as it reaches Slack (JSON round trip, as the fake decodes it). */
export function expectedMessage(view: DeploymentView): { text: unknown; blocks: unknown } {
  const msg = renderDeployMessage(view);
  return JSON.parse(JSON.stringify({ text: msg.text, blocks: msg.blocks }));
}

export function expectedReply(view: DeploymentView): { text: unknown; blocks: unknown } {
  const msg = renderThreadReply(view);
  return JSON.parse(JSON.stringify({ text: msg.text, blocks: msg.blocks }));
}

interface CounterLike {
  get(): Promise<{ values: Array<{ labels: Record<string, unknown>; value: number }> }>;
}

/** The value of a counter for the given labels (0 when never incremented). */
export async function counterValue(counter: CounterLike, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  const hit = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return hit?.value ?? 0;
}
