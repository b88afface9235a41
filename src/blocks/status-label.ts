import { oneLine, truncate } from './limits.js';

/** How a deployment status reads in Slack: a colour-free symbol and words. */
export interface StatusLabel {
  kind: 'started' | 'succeeded' | 'failed' | 'other';
  symbol: string;
  /** "Deploying", "Live", "Failed", or the status word itself for anything else. */
  word: string;
  /** Follows the project name in a headline: "is live", "failed to deploy". */
  phrase: string;
}

const KNOWN: Record<string, StatusLabel> = {
  started: { kind: 'started', symbol: '⏳', word: 'Deploying', phrase: 'is deploying' },
  succeeded: { kind: 'succeeded', symbol: '✅', word: 'Live', phrase: 'is live' },
  failed: { kind: 'failed', symbol: '❌', word: 'Failed', phrase: 'failed to deploy' },
};

const OTHER_WORD_MAX = 40;

/** The label of a status; anything unexpected gets a neutral label showing the word verbatim. */
export function describeStatus(status: string, sotaStatus?: string): StatusLabel {
  const known = Object.hasOwn(KNOWN, status) ? KNOWN[status] : undefined;
  if (known) return known;
  const word = truncate(oneLine(sotaStatus || status) || 'unknown', OTHER_WORD_MAX);
  return { kind: 'other', symbol: 'ℹ️', word, phrase: `status: ${word}` };
}
