import type { KnownBlock } from '@slack/types';
import type { WindowSummary } from '../../sota/history/summarize-window.js';
import { context, header, section } from '../block-builders.js';
import { formatDuration } from '../format-duration.js';
import { truncate } from '../limits.js';
import { fitMrkdwn } from '../mrkdwn.js';
import { boldProject, type ProjectRef, plainProject, plural } from './project-ref.js';

export interface DigestInput {
  /** The local calendar day the digest covers, `2026-03-02`. */
  day: string;
  timeZone: string;
  projects: ReadonlyArray<{ project: ProjectRef; summary: WindowSummary }>;
}

const MAX_PROJECTS = 45;

/** The daily digest of one channel: per followed project that deployed, the day in numbers. */
export function renderDigest(input: DigestInput): { text: string; blocks: KnownBlock[] } {
  const active = input.projects.filter((p) => p.summary.deployments > 0);
  const total = active.reduce((n, p) => n + p.summary.deployments, 0);
  const failed = active.reduce((n, p) => n + p.summary.failed, 0);
  const blocks: KnownBlock[] = [header(`📊 Deployments of ${input.day}`)];
  for (const p of active.slice(0, MAX_PROJECTS)) blocks.push(section(projectText(p.project, p.summary)));
  const more = active.length > MAX_PROJECTS ? ` · …and ${active.length - MAX_PROJECTS} more projects` : '';
  const zone = fitMrkdwn(input.timeZone, 64);
  blocks.push(
    context([`The 24 hours before the digest time, ${zone}${more} · \`/sota digest off\` stops it`]),
  );
  const names = active.map((p) => plainProject(p.project)).join(', ');
  const text = `📊 Deployments of ${input.day}: ${plural(total, 'deployment')}, ${failed} failed (${names})`;
  return { text: truncate(text, 3000), blocks };
}

function projectText(project: ProjectRef, s: WindowSummary): string {
  const parts = [plural(s.deployments, 'deployment'), `${s.failed} failed`];
  if (s.successRate !== undefined) parts.push(`${Math.round(s.successRate * 100)} % succeeded`);
  const median = s.medianDurationMs !== undefined ? formatDuration(s.medianDurationMs) : undefined;
  if (median) parts.push(`median ${median}`);
  const broken = s.longestBrokenMs !== undefined ? formatDuration(s.longestBrokenMs) : undefined;
  parts.push(broken ? `longest broken ${broken}` : 'never broken');
  return `${boldProject(project)}\n${parts.join(' · ')}`;
}
