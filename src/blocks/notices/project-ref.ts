import { fitMrkdwn } from '../mrkdwn.js';

/** What a notice knows about a project: its id, and its name and slug when known. */
export interface ProjectRef {
  projectId: string;
  projectName: string | null;
  projectSlug: string | null;
}

/** The project's name (else slug, else id) in bold, escaped. */
export function boldProject(p: ProjectRef): string {
  return `*${fitMrkdwn(p.projectName ?? p.projectSlug ?? p.projectId, 100)}*`;
}

/** The project's name as plain text for a `text` fallback, escaped. */
export function plainProject(p: ProjectRef): string {
  return fitMrkdwn(p.projectName ?? p.projectSlug ?? p.projectId, 100);
}

/** Slack ids are upper-case letters and digits; anything else is dropped so it cannot form markup. */
export function safeId(id: string): string {
  return id.replace(/[^A-Z0-9]/gi, '').slice(0, 32);
}

/** "3 deployments", "1 deployment". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
