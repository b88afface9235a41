import type { KnownBlock } from '@slack/types';
import type { DeploymentView } from '../sota/deployment-state.js';
import { context, fieldsSection, header, section } from './block-builders.js';
import { deployButtons, mentionsText, OPEN_DEPLOYMENT_ACTION_ID } from './deploy-buttons.js';
import { collectFacts, type DeploymentFacts } from './deployment-facts.js';
import { changeWord, describeChange, durationWithUsual } from './duration-text.js';
import { BLOCK_KIT_LIMITS, CONTENT_CAPS, oneLine, truncate } from './limits.js';
import { type ShownUrl, urlForSummary, urlMrkdwn } from './link-url.js';
import { codeBlock, fitMrkdwn, inlineCode } from './mrkdwn.js';

export { OPEN_DEPLOYMENT_ACTION_ID };
export const NO_REASON_TEXT =
  'sota.io gave no reason. See the logs with `sota logs` or in the sota.io dashboard.';

const FIELD_VALUE_MAX = 500;

/** What a channel adds to a deployment's message beyond the deployment itself. */
export interface MessageExtras {
  /** The workspace lets members press Redeploy / Roll back (otherwise those buttons are not shown). */
  actionsAllowed?: boolean;
  /** Escaped mentions (`<@U…>`, `<!subteam^S…>`, `<!here>`, `<!channel>`) pinged on a failure. */
  mentions?: readonly string[];
}

/** The one message a channel shows for a deployment: Block Kit blocks and a plain fallback. */
export function renderDeployMessage(
  view: DeploymentView,
  extras: MessageExtras = {},
): { text: string; blocks: KnownBlock[] } {
  const facts = collectFacts(view);
  const blocks: KnownBlock[] = [headerOf(facts), fieldsSection(fieldsOf(facts))];
  if (facts.change) blocks.push(section(changeText(facts)));
  if (facts.status.kind === 'succeeded' && facts.url) blocks.push(section(liveAtText(facts.url)));
  if (facts.status.kind === 'failed') blocks.push(section(reasonText(facts.reason)));
  // Mentions ping a failure, and (in `changes` mode) the recovery that ends one.
  const pinged = facts.status.kind === 'failed' || facts.change?.kind === 'recovered';
  const ping = pinged ? mentionsText(extras.mentions ?? []) : undefined;
  if (ping) blocks.push(section(ping));
  const buttons = deployButtons(view, facts, extras.actionsAllowed ?? false);
  if (buttons) blocks.push(buttons);
  blocks.push(context([contextLine(facts)]));
  const text = fallbackText(facts);
  return { text: ping ? `${text} ${ping}` : text, blocks };
}

function headerOf(facts: DeploymentFacts) {
  const { symbol, phrase } = facts.status;
  const room = BLOCK_KIT_LIMITS.headerText - symbol.length - phrase.length - 2;
  return header(`${symbol} ${truncate(facts.project, room)} ${phrase}`);
}

function fieldsOf(facts: DeploymentFacts): string[] {
  const fields = [
    `*Project*\n${projectValue(facts)}`,
    `*Deployment*\n${inlineCode(facts.shortId, FIELD_VALUE_MAX)}`,
    `*Status*\n${statusText(facts)}`,
  ];
  if (facts.startedAt) fields.push(`*Started*\n${facts.startedAt.token}`);
  if (facts.finishedAt) fields.push(`*Finished*\n${facts.finishedAt.token}`);
  const took = durationWithUsual(facts);
  if (took) fields.push(`*Duration*\n${took}`);
  if (facts.status.kind === 'started' && facts.usualAbout) {
    fields.push(`*Usually takes*\n${facts.usualAbout}`);
  }
  return fields;
}

function projectValue(facts: DeploymentFacts): string {
  return facts.projectNameKnown
    ? fitMrkdwn(facts.project, FIELD_VALUE_MAX)
    : inlineCode(facts.projectId, FIELD_VALUE_MAX);
}

function statusText(facts: DeploymentFacts): string {
  const { symbol, word } = facts.status;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const sota = facts.sotaStatus;
  const extra = sota && !same(sota, word) && !same(sota, facts.status.kind) ? ` (${sota})` : '';
  return fitMrkdwn(`${symbol} ${word}${extra}`, FIELD_VALUE_MAX);
}

function changeText(facts: DeploymentFacts): string {
  if (!facts.change) return '';
  const symbol = facts.change.kind === 'broke' ? '🔻' : '🔺';
  const word = changeWord(facts.change);
  return `${symbol} *${word[0]?.toUpperCase()}${word.slice(1)}:* ${describeChange(facts.change)}.`;
}

export function liveAtText(url: ShownUrl): string {
  return `🔗 *Live at* ${urlMrkdwn(url)}`;
}

export function reasonText(reason: string | undefined): string {
  return `*Reason*\n${reason ? codeBlock(reason, CONTENT_CAPS.reason) : NO_REASON_TEXT}`;
}

export function contextLine(facts: DeploymentFacts): string {
  const when = facts.finishedAt ?? facts.startedAt;
  const id = inlineCode(facts.shortId, FIELD_VALUE_MAX);
  return when ? `sota.io · deployment ${id} · ${when.token}` : `sota.io · deployment ${id}`;
}

function fallbackText(facts: DeploymentFacts): string {
  const text = statusFallback(facts);
  return facts.change ? `${text} (${changeWord(facts.change)}: ${describeChange(facts.change)})` : text;
}

function statusFallback(facts: DeploymentFacts): string {
  const { symbol, phrase, kind } = facts.status;
  const head = `${symbol} ${fitMrkdwn(facts.project, FIELD_VALUE_MAX)}`;
  if (kind === 'succeeded') return `${head} deployed${liveAtSuffix(facts.url)}`;
  if (kind === 'failed' && facts.reason) {
    return `${head} ${phrase}: ${fitMrkdwn(oneLine(facts.reason), CONTENT_CAPS.reasonInText)}`;
  }
  return `${head} ${fitMrkdwn(phrase, FIELD_VALUE_MAX)}`;
}

function liveAtSuffix(url: ShownUrl | undefined): string {
  const shown = urlForSummary(url);
  return shown ? ` — live at ${shown}` : '';
}
