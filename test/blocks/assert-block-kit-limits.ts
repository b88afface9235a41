import type { KnownBlock } from '@slack/types';

/**
 * Throws when a message breaks a Block Kit limit we respect (docs.slack.dev block and element
 * references) or our own size budget. Knows the block types the renderers use and fails on any
 * other, so a new kind of block cannot slip through unchecked.
 */
export const LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  contextElements: 10,
  textObject: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  id: 255,
  messageText: 4000,
  messageBytes: 12_000,
} as const;

type Json = Record<string, unknown>;

export function assertWithinBlockKitLimits(msg: { text: string; blocks: KnownBlock[] }): void {
  checkText('text', msg.text, LIMITS.messageText);
  check(msg.blocks.length >= 1 && msg.blocks.length <= LIMITS.blocks, `${msg.blocks.length} blocks`);
  msg.blocks.forEach((block, i) => {
    checkBlock(block as unknown as Json, `blocks[${i}]`);
  });
  const bytes = Buffer.byteLength(JSON.stringify(msg), 'utf8');
  check(bytes <= LIMITS.messageBytes, `message is ${bytes} bytes (budget ${LIMITS.messageBytes})`);
}

function checkBlock(block: Json, at: string): void {
  if (block.block_id !== undefined) checkText(`${at}.block_id`, block.block_id, LIMITS.id);
  switch (block.type) {
    case 'header':
      checkTextObject(block.text, `${at}.text`, LIMITS.header, 'plain_text');
      return;
    case 'section':
      checkSection(block, at);
      return;
    case 'context':
      checkContext(block, at);
      return;
    case 'actions':
      checkActions(block, at);
      return;
    case 'divider':
      check(
        Object.keys(block).every((k) => k === 'type' || k === 'block_id'),
        `${at}: divider with content`,
      );
      return;
    default:
      throw new Error(`${at}: unexpected block type ${String(block.type)}`);
  }
}

function checkSection(block: Json, at: string): void {
  check(block.text !== undefined || block.fields !== undefined, `${at}: section without text or fields`);
  if (block.text !== undefined) checkTextObject(block.text, `${at}.text`, LIMITS.sectionText);
  if (block.fields === undefined) return;
  const fields = asArray(block.fields, `${at}.fields`);
  check(fields.length >= 1 && fields.length <= LIMITS.fields, `${at}: ${fields.length} fields`);
  fields.forEach((field, i) => {
    checkTextObject(field, `${at}.fields[${i}]`, LIMITS.field);
  });
}

function checkContext(block: Json, at: string): void {
  const elements = asArray(block.elements, `${at}.elements`);
  check(
    elements.length >= 1 && elements.length <= LIMITS.contextElements,
    `${at}: ${elements.length} elements`,
  );
  elements.forEach((element, i) => {
    checkTextObject(element, `${at}.elements[${i}]`, LIMITS.textObject);
  });
}

function checkActions(block: Json, at: string): void {
  const elements = asArray(block.elements, `${at}.elements`);
  check(elements.length >= 1 && elements.length <= 25, `${at}: ${elements.length} elements`);
  elements.forEach((raw, i) => {
    const button = raw as Json;
    const where = `${at}.elements[${i}]`;
    check(button.type === 'button', `${where}: not a button`);
    checkTextObject(button.text, `${where}.text`, LIMITS.buttonText, 'plain_text');
    if (button.action_id !== undefined) checkText(`${where}.action_id`, button.action_id, LIMITS.id);
    if (button.url !== undefined) checkUrl(button.url, `${where}.url`);
  });
}

function checkTextObject(value: unknown, at: string, max: number, type?: 'plain_text' | 'mrkdwn'): void {
  const object = value as Json | undefined;
  check(object?.type === 'plain_text' || object?.type === 'mrkdwn', `${at}: not a text object`);
  if (type) check(object?.type === type, `${at}: expected ${type}`);
  checkText(`${at}.text`, object?.text, max);
}

function checkUrl(value: unknown, at: string): void {
  checkText(at, value, LIMITS.buttonUrl);
  const url = new URL(String(value));
  check(url.protocol === 'https:' || url.protocol === 'http:', `${at}: not an http(s) URL`);
}

/** Non-empty, within `max` (UTF-16 units, which also bounds code points), well-formed Unicode. */
function checkText(at: string, value: unknown, max: number): void {
  check(typeof value === 'string', `${at}: not a string`);
  const text = value as string;
  check(text.length >= 1 && text.length <= max, `${at}: length ${text.length} outside 1..${max}`);
  check(!/\p{Cs}/u.test(text), `${at}: contains a lone surrogate`);
}

function asArray(value: unknown, at: string): unknown[] {
  check(Array.isArray(value), `${at}: not an array`);
  return value as unknown[];
}

function check(ok: boolean, problem: string): void {
  if (!ok) throw new Error(`Block Kit limit broken: ${problem}`);
}
