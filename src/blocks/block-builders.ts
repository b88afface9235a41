import type { ContextBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { BLOCK_KIT_LIMITS, truncate } from './limits.js';

/**
 * Small constructors for the blocks we use. Text given to `mrkdwn` must already be escaped;
 * `verbatim: true` stops Slack from turning plain words into links or mentions on its own.
 */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plainText(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max) };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plainText(text, BLOCK_KIT_LIMITS.headerText) };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function fieldsSection(fields: string[]): SectionBlock {
  return { type: 'section', fields: fields.slice(0, BLOCK_KIT_LIMITS.sectionFields).map(mrkdwn) };
}

export function context(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, BLOCK_KIT_LIMITS.contextElements).map(mrkdwn) };
}
