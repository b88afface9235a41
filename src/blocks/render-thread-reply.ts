import type { KnownBlock } from '@slack/types';
import type { DeploymentView } from '../sota/deployment-state.js';
import { section } from './block-builders.js';
import { collectFacts, type DeploymentFacts } from './deployment-facts.js';
import { durationWithUsual } from './duration-text.js';
import { CONTENT_CAPS, oneLine } from './limits.js';
import { type ShownUrl, urlForSummary, urlMrkdwn } from './link-url.js';
import { codeBlock, fitMrkdwn } from './mrkdwn.js';

const WORD_MAX = 200;

/**
 * The short reply posted in a deployment message's thread when it reaches a final status:
 * "✅ Live at https://… after 1 m 42 s" or "❌ Failed after 12 s: <reason>".
 */
export function renderThreadReply(view: DeploymentView): { text: string; blocks: KnownBlock[] } {
  const facts = collectFacts(view);
  return { text: plainSummary(facts), blocks: [section(richSummary(facts))] };
}

function after(facts: DeploymentFacts): string {
  const took = durationWithUsual(facts);
  return took ? ` after ${took}` : '';
}

function richSummary(facts: DeploymentFacts): string {
  const { symbol, word, kind } = facts.status;
  if (kind === 'succeeded') return `${symbol} *Live*${liveAt(facts.url)}${after(facts)}`;
  if (kind === 'failed') {
    return facts.reason
      ? `${symbol} *Failed*${after(facts)}:\n${codeBlock(facts.reason, CONTENT_CAPS.reason)}`
      : // No "sota.io gave no reason" here: the reason may still be looked up and added to the message
        // above, and a reply is never edited, so it would contradict the message it belongs to.
        `${symbol} *Failed*${after(facts)}.`;
  }
  return `${symbol} *${fitMrkdwn(word, WORD_MAX)}*`;
}

function liveAt(url: ShownUrl | undefined): string {
  return url ? ` at ${urlMrkdwn(url)}` : '';
}

function plainSummary(facts: DeploymentFacts): string {
  const { symbol, word, kind } = facts.status;
  if (kind === 'succeeded') return `${symbol} Live${plainUrl(facts.url)}${after(facts)}`;
  if (kind === 'failed') {
    const reason = facts.reason ? `: ${fitMrkdwn(oneLine(facts.reason), CONTENT_CAPS.reasonInText)}` : '';
    return `${symbol} Failed${after(facts)}${reason}`;
  }
  return `${symbol} ${fitMrkdwn(word, WORD_MAX)}`;
}

function plainUrl(url: ShownUrl | undefined): string {
  const shown = urlForSummary(url);
  return shown ? ` at ${shown}` : '';
}
