import type { KnownBlock, ModalView } from '@slack/types';
import { context, plainText, section } from '../block-builders.js';
import { BLOCK_KIT_LIMITS } from '../limits.js';
import { codeBlock, fitMrkdwn, inlineCode } from '../mrkdwn.js';

export const LOGS_MODAL_CALLBACK_ID = 'sota_logs';

/** What the modal is about: the project's name (or id) and the deployment's id. */
export interface LogsSubject {
  project: string;
  deploymentId: string;
}

/**
 * Why there are no lines to show: none kept, no logs API, sota.io failed, the project is not followed
 * by this workspace (any more), or no key this workspace may use can read it.
 */
export type LogsUnavailable = 'none' | 'unsupported' | 'failed' | 'not_followed' | 'no_key';

const LOG_TEXT_MAX = BLOCK_KIT_LIMITS.sectionText - 100;
const CLI_HINT =
  'Run `sota logs` in the project’s directory (the sota.io CLI), or open the deployment in the sota.io dashboard.';

function modal(blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: LOGS_MODAL_CALLBACK_ID,
    title: plainText('Deployment logs', 24),
    close: plainText('Close', 24),
    blocks,
  };
}

function heading(subject: LogsSubject): string {
  const id = inlineCode(subject.deploymentId.slice(0, 8), 20);
  return `*${fitMrkdwn(subject.project, 200)}* · deployment ${id}`;
}

/** Shown at once (Slack's trigger lasts 3 s); replaced by the lines when sota.io answers. */
export function renderLogsLoading(subject: LogsSubject): ModalView {
  return modal([section(heading(subject)), context(['⏳ Fetching the logs from sota.io…'])]);
}

/**
 * The last lines of already cleaned log text that fit one section: whole lines from the end,
 * the first one cut from its start when a single line is longer than the room.
 */
export function lastLines(text: string, max = LOG_TEXT_MAX): { shown: string; cut: boolean } {
  const lines = text.replace(/\s+$/, '').split('\n');
  const kept: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (size + line.length + 1 > max) {
      if (kept.length === 0) kept.unshift(`…${line.slice(line.length - max + 2)}`);
      return { shown: kept.join('\n'), cut: true };
    }
    kept.unshift(line);
    size += line.length + 1;
  }
  return { shown: kept.join('\n'), cut: false };
}

/** The deployment's last log lines (cleaned and redacted by the caller). */
export function renderLogsModal(subject: LogsSubject, cleanedText: string): ModalView {
  if (cleanedText.trim() === '') return renderLogsUnavailable(subject, 'none');
  const { shown, cut } = lastLines(cleanedText);
  const note = cut
    ? 'The last lines; the full log is in the sota.io dashboard or `sota logs`.'
    : 'The whole log.';
  return modal([
    section(heading(subject)),
    section(codeBlock(shown, BLOCK_KIT_LIMITS.sectionText)),
    context([note]),
  ]);
}

const WHY: Record<LogsUnavailable, string> = {
  none: 'sota.io has no logs for this deployment.',
  unsupported: 'sota.io does not serve logs through its API here.',
  failed: 'sota.io did not answer with the logs just now.',
  not_followed: 'This workspace does not follow this project (any more), so its logs are not fetched here.',
  no_key:
    'No sota.io key this workspace may use can read this project’s logs (`/sota connect` sets the workspace’s key).',
};

export function renderLogsUnavailable(subject: LogsSubject, why: LogsUnavailable): ModalView {
  return modal([section(heading(subject)), section(`${WHY[why]} ${CLI_HINT}`)]);
}
