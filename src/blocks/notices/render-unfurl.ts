import type { KnownBlock } from '@slack/types';
import { context, section } from '../block-builders.js';
import { formatDuration } from '../format-duration.js';
import { CONTENT_CAPS, cleanText, oneLine } from '../limits.js';
import { fitMrkdwn, inlineCode } from '../mrkdwn.js';
import { toSlackDate } from '../slack-date.js';
import { boldProject, type ProjectRef } from './project-ref.js';

export interface UnfurlInput {
  project: ProjectRef;
  /** The live deployment: the newest that succeeded. */
  live?: { deploymentId: string; liveAt: number; durationMs?: number | undefined } | undefined;
  /** The newest failure, with sota.io's reason when it gave one. */
  lastFailure?: { deploymentId: string; at: number; reason?: string | undefined } | undefined;
  /** A deployment still running, newer than the live one. */
  deploying?: { deploymentId: string; startedAt: number } | undefined;
}

const short = (id: string) => inlineCode([...id].slice(0, 8).join(''), 20);
const when = (ms: number) => toSlackDate(new Date(ms).toISOString())?.token ?? '';

/** The attachment a `https://<slug>.sota.io` link unfurls to: the project's current state. */
export function renderUnfurl(input: UnfurlInput): { blocks: KnownBlock[] } {
  const lines = [`${boldProject(input.project)} on sota.io`];
  if (input.live) {
    const took = input.live.durationMs !== undefined ? formatDuration(input.live.durationMs) : undefined;
    lines.push(
      `✅ Live: deployment ${short(input.live.deploymentId)} since ${when(input.live.liveAt)}${took ? ` (took ${took})` : ''}`,
    );
  } else {
    lines.push('No successful deployment seen yet.');
  }
  if (input.deploying) {
    lines.push(
      `⏳ Deploying ${short(input.deploying.deploymentId)} since ${when(input.deploying.startedAt)}`,
    );
  }
  if (input.lastFailure) {
    const reason = input.lastFailure.reason
      ? `: ${fitMrkdwn(oneLine(cleanText(input.lastFailure.reason)), CONTENT_CAPS.reasonInText)}`
      : '';
    lines.push(
      `❌ Last failure ${when(input.lastFailure.at)} (${short(input.lastFailure.deploymentId)})${reason}`,
    );
  }
  return {
    blocks: [section(lines.join('\n')), context(['sota.io deployments, as this workspace follows them'])],
  };
}
