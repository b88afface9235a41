import type { DeploymentView } from '../sota/deployment-state.js';
import type { OutcomeChange } from '../sota/history/outcome-change.js';
import { isSlowerThanUsual } from '../sota/history/usual-duration.js';
import { approximateDuration, durationBetween, formatDuration } from './format-duration.js';
import { CONTENT_CAPS, cleanText, oneLine, truncate } from './limits.js';
import { type ShownUrl, toShownUrl } from './link-url.js';
import { type SlackDate, toSlackDate } from './slack-date.js';
import { describeStatus, type StatusLabel } from './status-label.js';

/**
 * What the renderers show about a deployment, cleaned and capped but not yet escaped: every
 * string here is raw text that still goes through mrkdwn escaping where it is placed.
 */
export interface DeploymentFacts {
  /** How the project is called in titles: its name when known, else "Project <id>". */
  project: string;
  /** The project's id, shown when its name is not known. */
  projectId: string;
  projectNameKnown: boolean;
  /** The first 8 characters of the deployment id. */
  shortId: string;
  status: StatusLabel;
  /** sota.io's own word for the status (e.g. "running"), when it says something more. */
  sotaStatus?: string | undefined;
  startedAt?: SlackDate | undefined;
  finishedAt?: SlackDate | undefined;
  /** "1 m 42 s", when start and finish are both known. */
  duration?: string | undefined;
  /** The project's usual duration, "2 m 5 s", when known. */
  usual?: string | undefined;
  /** The usual duration rounded, "about 2 m", for a deployment still running. */
  usualAbout?: string | undefined;
  /** Took more than twice the usual. */
  slower: boolean;
  change?: OutcomeChange | undefined;
  url?: ShownUrl | undefined;
  reason?: string | undefined;
}

const SCAN_MAX = 20_000;
const SHORT_ID = 8;
const SOTA_STATUS_MAX = 40;

/** Collects the facts of a view; never throws, whatever strings the view holds. */
export function collectFacts(view: DeploymentView): DeploymentFacts {
  const startedAt = toSlackDate(view.startedAt);
  const finishedAt = toSlackDate(view.finishedAt);
  const sotaStatus = short(view.sotaStatus, SOTA_STATUS_MAX);
  const name = short(view.projectName, CONTENT_CAPS.projectName);
  const projectId = short(view.projectId, CONTENT_CAPS.projectName) ?? '?';
  return {
    project: name ?? `Project ${projectId}`,
    projectId,
    projectNameKnown: name !== undefined,
    shortId: [...(short(view.deploymentId, SCAN_MAX) ?? '?')].slice(0, SHORT_ID).join(''),
    status: describeStatus(view.status, sotaStatus),
    sotaStatus,
    startedAt,
    finishedAt,
    duration: durationBetween(startedAt?.ms, finishedAt?.ms),
    ...usualFacts(view.usualDurationMs, startedAt?.ms, finishedAt?.ms),
    change: view.outcomeChange,
    url: typeof view.url === 'string' ? toShownUrl(view.url) : undefined,
    reason: reasonOf(view.errorMessage),
  };
}

function usualFacts(usualMs: number | undefined, startMs: number | undefined, endMs: number | undefined) {
  if (usualMs === undefined || !Number.isFinite(usualMs) || usualMs < 0) return { slower: false };
  const took = startMs !== undefined && endMs !== undefined ? endMs - startMs : undefined;
  return {
    usual: formatDuration(usualMs),
    usualAbout: approximateDuration(usualMs),
    slower: isSlowerThanUsual(took, usualMs),
  };
}

function short(value: string | undefined | null, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = truncate(oneLine(value.slice(0, SCAN_MAX)), max);
  return text === '' ? undefined : text;
}

function reasonOf(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = cleanText(value.slice(0, SCAN_MAX)).trim();
  return text === '' ? undefined : text;
}
