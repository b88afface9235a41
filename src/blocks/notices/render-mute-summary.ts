import type { KnownBlock } from '@slack/types';
import type { DeploymentRecord } from '../../sota/history/deployment-history.js';
import { context, section } from '../block-builders.js';
import { formatDuration } from '../format-duration.js';
import { truncate } from '../limits.js';
import { toSlackDate } from '../slack-date.js';
import { describeStatus } from '../status-label.js';
import { boldProject, type ProjectRef, plainProject, plural } from './project-ref.js';

/** One project's deployments while a channel was muted. */
export interface MutedProject {
  project: ProjectRef;
  deployments: number;
  failed: number;
  latest?: DeploymentRecord | undefined;
}

export interface MuteSummaryInput {
  /** `all` when the whole channel was muted, else the one project. */
  scope: 'all' | 'project';
  mutedAt: number;
  endedAt: number;
  endedBy: 'command' | 'time';
  projects: readonly MutedProject[];
}

const MAX_PROJECTS = 40;

/** The one message posted when a mute ends: what was deployed meanwhile, and the latest state. */
export function renderMuteSummary(input: MuteSummaryInput): { text: string; blocks: KnownBlock[] } {
  const span = formatDuration(input.endedAt - input.mutedAt) ?? 'a while';
  const how = input.endedBy === 'command' ? 'unmuted' : 'the mute ended';
  const what = input.scope === 'all' ? 'sota.io deployments' : oneProject(input.projects);
  const title = `🔔 *Notifications are back* (${how}). While ${what} ${input.scope === 'all' ? 'were' : 'was'} muted for ${span}:`;
  const active = input.projects.filter((p) => p.deployments > 0);
  const lines = active.slice(0, MAX_PROJECTS).map(projectLine);
  if (active.length > MAX_PROJECTS) lines.push(`…and ${active.length - MAX_PROJECTS} more projects.`);
  const body = lines.length > 0 ? lines.join('\n') : 'nothing was deployed.';
  const text = truncate(`🔔 Notifications are back after ${span} muted: ${plainTotals(active)}`, 3000);
  return {
    text,
    blocks: [
      section(truncate(`${title}\n${body}`, 2990)),
      context(['New deployments are posted again from now on.']),
    ],
  };
}

function oneProject(projects: readonly MutedProject[]): string {
  const p = projects[0];
  return p ? boldProject(p.project) : 'this project';
}

function projectLine(p: MutedProject): string {
  return `• ${boldProject(p.project)} — ${plural(p.deployments, 'deployment')}, ${p.failed} failed${latestText(p.latest)}`;
}

function latestText(latest: DeploymentRecord | undefined): string {
  if (!latest) return '';
  const label = describeStatus(latest.outcome ?? 'started');
  const when = toSlackDate(new Date(latest.finishedAt ?? latest.startedAt ?? 0).toISOString());
  return `; latest: ${label.symbol} ${label.word.toLowerCase()}${when ? ` ${when.token}` : ''}`;
}

function plainTotals(active: readonly MutedProject[]): string {
  if (active.length === 0) return 'nothing was deployed.';
  return active
    .map((p) => `${plainProject(p.project)} ${plural(p.deployments, 'deployment')}, ${p.failed} failed`)
    .join('; ');
}
