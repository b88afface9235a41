import { replaceEmojiShortcodes } from './emoji-shortcodes.js';
import { escapeHtml, textOf } from './escape-html.js';
import { type MrkdwnHtmlOptions, renderMrkdwnHtml } from './render-mrkdwn-html.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A text object (`plain_text` or `mrkdwn`) as HTML; anything else is nothing. */
export function textObjectHtml(value: unknown, options: MrkdwnHtmlOptions): string {
  if (!isObject(value)) return '';
  const text = textOf(value.text) ?? '';
  if (value.type === 'mrkdwn') return renderMrkdwnHtml(text, options);
  if (value.type !== 'plain_text') return '';
  const html = escapeHtml(text).replace(/\n/g, '<br>');
  return value.emoji === false ? html : replaceEmojiShortcodes(html);
}

/** Block Kit blocks as HTML, close to how Slack lays them out. Unknown blocks show as a note. */
export function renderBlocksHtml(blocks: unknown, options: MrkdwnHtmlOptions = {}): string {
  return listOf(blocks)
    .map((block) => blockHtml(block, options))
    .join('');
}

function blockHtml(block: unknown, options: MrkdwnHtmlOptions): string {
  if (!isObject(block)) return '';
  switch (block.type) {
    case 'header':
      return `<div class="b-header">${textObjectHtml(block.text, options)}</div>`;
    case 'section':
      return sectionHtml(block, options);
    case 'context':
      return contextHtml(block, options);
    case 'actions':
      return `<div class="b-actions">${listOf(block.elements).map(elementHtml).join('')}</div>`;
    case 'divider':
      return '<hr class="b-divider">';
    default:
      return `<div class="b-unknown">[${escapeHtml(textOf(block.type) ?? 'unknown')} block]</div>`;
  }
}

function sectionHtml(block: Json, options: MrkdwnHtmlOptions): string {
  const text =
    block.text === undefined ? '' : `<div class="b-text">${textObjectHtml(block.text, options)}</div>`;
  const fields = listOf(block.fields).map((f) => `<div class="b-field">${textObjectHtml(f, options)}</div>`);
  const grid = fields.length > 0 ? `<div class="b-fields">${fields.join('')}</div>` : '';
  const accessory = isObject(block.accessory)
    ? `<div class="b-accessory">${elementHtml(block.accessory)}</div>`
    : '';
  return `<div class="b-section"><div class="b-main">${text}${grid}</div>${accessory}</div>`;
}

function contextHtml(block: Json, options: MrkdwnHtmlOptions): string {
  const parts = listOf(block.elements).map((element) => {
    if (isObject(element) && element.type === 'image') {
      return `<span class="b-context-image" title="${escapeHtml(textOf(element.alt_text) ?? '')}"></span>`;
    }
    return `<span class="b-context-text">${textObjectHtml(element, options)}</span>`;
  });
  return `<div class="b-context">${parts.join('')}</div>`;
}

/** A button (a link when it has an http(s) URL) or a neutral stand-in for other interactive elements. */
function elementHtml(element: unknown): string {
  if (!isObject(element)) return '';
  if (element.type !== 'button') {
    const placeholder = textObjectHtml(element.placeholder, {}) || escapeHtml(textOf(element.type) ?? '');
    return `<span class="btn btn-select">${placeholder} ▾</span>`;
  }
  const label = textObjectHtml(element.text, {});
  const style = element.style === 'primary' || element.style === 'danger' ? ` btn-${element.style}` : '';
  const url = textOf(element.url);
  if (url !== undefined && /^https?:\/\//i.test(url)) {
    return `<a class="btn${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  }
  return `<span class="btn${style}">${label}</span>`;
}
