/**
 * The demo's sample data (its projects, channels, subscriptions and day of webhooks) at fixed ids and
 * times, folded by the app's own reducer, so the pictures in docs/ show what the demo shows and render
 * the same bytes every time.
 */
import { createHash } from 'node:crypto';
import type { ListedSubscription } from '../../src/blocks/commands/render-subscription-list.js';
import { parseSotaCommand } from '../../src/slack/commands/parse-command.js';
import { type DeploymentView, reduceDeployment } from '../../src/sota/deployment-state.js';
import { DEMO_PROJECTS, DEMO_SUBSCRIPTIONS, DEMO_USER } from '../demo/demo-cast.js';
import { DEMO_DAY } from '../demo/demo-day.js';

/** The day's first event; the demo itself starts its day five hours before it runs. */
const DAY_START_MS = Date.parse('2026-02-25T09:00:00Z');
export const SAMPLE_PUBLIC_URL = 'https://sota-slack.example.com';

/** A UUID-shaped id that is the same on every run. */
function fixedId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function sampleIso(minute: number): string {
  return new Date(DAY_START_MS + minute * 60_000).toISOString().replace('.000Z', 'Z');
}

/** "HH:MM" of a minute of the day, as the preview labels a message. */
export function sampleClock(minute: number): string {
  return sampleIso(minute).slice(11, 16);
}

/**
 * What a channel shows for one of the day's deployments after its first `steps` webhooks (all of
 * them by default), folded by the app's reducer.
 */
export function sampleView(deployment: string, steps = Number.POSITIVE_INFINITY): DeploymentView {
  const day = DEMO_DAY.filter((s) => s.deployment === deployment && !s.duplicate).slice(0, steps);
  const first = day[0];
  if (!first) throw new Error(`the demo's day has no deployment ${deployment}`);
  const project = DEMO_PROJECTS[first.project];
  const events = day.map((s) => ({ event: s.event, occurredAt: sampleIso(s.minute), data: s.data ?? {} }));
  const meta = {
    projectId: fixedId(project.slug),
    projectName: project.name,
    deploymentId: fixedId(deployment),
  };
  const view = reduceDeployment(meta, events);
  if (!view) throw new Error(`nothing to show for ${deployment}`);
  // A failure without a reason gets the one sota.io's deployment list gives, as the app looks it up.
  const lookedUp = day.find((s) => s.inSota?.reason)?.inSota?.reason;
  if (view.status === 'failed' && !view.errorMessage && lookedUp) view.errorMessage = lookedUp;
  return view;
}

/** The minutes of a deployment's first and last webhook in the day. */
export function sampleMinutes(deployment: string): { first: number; last: number } {
  const minutes = DEMO_DAY.filter((s) => s.deployment === deployment).map((s) => s.minute);
  return { first: Math.min(...minutes), last: Math.max(...minutes) };
}

/** What `/sota list` lists in a channel after the demo's subscribe commands. */
export function sampleSubscriptions(channelId: string): ListedSubscription[] {
  return DEMO_SUBSCRIPTIONS.filter((s) => s.channel.id === channelId).map((s) => {
    const command = parseSotaCommand(s.text);
    if (command.kind !== 'subscribe') throw new Error(`not a subscribe command: ${s.text}`);
    const project = Object.values(DEMO_PROJECTS).find((p) => p.slug === command.project);
    if (!project) throw new Error(`the demo has no project ${command.project}`);
    return {
      projectId: fixedId(project.slug),
      projectName: project.name,
      projectSlug: project.slug,
      events: command.events,
      state: 'active',
      pausedReason: null,
      createdBy: DEMO_USER.id,
      webhookUrl: `${SAMPLE_PUBLIC_URL}/webhooks/sota/${fixedId(`hook/${project.slug}`).replace(/-/g, '').slice(0, 22)}`,
    };
  });
}
