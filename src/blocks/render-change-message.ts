import type { KnownBlock } from '@slack/types';
import type { DeploymentView } from '../sota/deployment-state.js';
import { context, fieldsSection, header, section } from './block-builders.js';
import { mentionsText } from './deploy-buttons.js';
import { collectFacts, type DeploymentFacts } from './deployment-facts.js';
import { changeWord, describeChange, durationWithUsual } from './duration-text.js';
import { BLOCK_KIT_LIMITS, CONTENT_CAPS, oneLine, truncate } from './limits.js';
import { fitMrkdwn, inlineCode } from './mrkdwn.js';
import {
  contextLine,
  liveAtText,
  type MessageExtras,
  reasonText,
  renderDeployMessage,
} from './render-deploy-message.js';

const FIELD_MAX = 500;

/**
 * The message a `changes` channel gets when a deployment changes the project's outcome:
 * "❌ Shop Frontend broke" with the reason, or "✅ Shop Frontend recovered: back to normal after
 * 47 m and 3 failed deployments", with the channel's mentions. A view without a change renders as
 * the usual deployment message.
 */
export function renderChangeMessage(
  view: DeploymentView,
  extras: MessageExtras = {},
): { text: string; blocks: KnownBlock[] } {
  const facts = collectFacts(view);
  const change = facts.change;
  if (!change) return renderDeployMessage(view, extras);
  const word = changeWord(change);
  const { symbol } = facts.status;
  const room = BLOCK_KIT_LIMITS.headerText - symbol.length - word.length - 2;
  const blocks: KnownBlock[] = [header(`${symbol} ${truncate(facts.project, room)} ${word}`)];
  if (change.kind === 'recovered') {
    blocks.push(section(`*Back to normal* — ${describeChange(change).replace(/^back to normal /, '')}.`));
    if (facts.url) blocks.push(section(liveAtText(facts.url)));
  } else {
    blocks.push(section(`*Broke* — ${describeChange(change)}.`));
    blocks.push(section(reasonText(facts.reason)));
  }
  const ping = mentionsText(extras.mentions ?? []);
  if (ping) blocks.push(section(ping));
  blocks.push(fieldsSection(fieldsOf(facts)), context([contextLine(facts)]));
  const text = fallbackText(facts, word);
  return { text: ping ? `${text} ${ping}` : text, blocks };
}

function fieldsOf(facts: DeploymentFacts): string[] {
  const fields = [`*Deployment*\n${inlineCode(facts.shortId, FIELD_MAX)}`];
  if (facts.finishedAt) fields.push(`*Finished*\n${facts.finishedAt.token}`);
  const took = durationWithUsual(facts);
  if (took) fields.push(`*Duration*\n${took}`);
  return fields;
}

function fallbackText(facts: DeploymentFacts, word: string): string {
  const head = `${facts.status.symbol} ${fitMrkdwn(facts.project, FIELD_MAX)} ${word}`;
  if (!facts.change) return head;
  if (facts.change.kind === 'broke' && facts.reason) {
    return `${head}: ${fitMrkdwn(oneLine(facts.reason), CONTENT_CAPS.reasonInText)}`;
  }
  return `${head}: ${describeChange(facts.change)}`;
}
