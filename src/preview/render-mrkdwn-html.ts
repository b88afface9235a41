import { replaceEmojiShortcodes } from './emoji-shortcodes.js';
import { decodeSlackEntities, escapeHtml } from './escape-html.js';

export interface MrkdwnHtmlOptions {
  /** Display names for user mentions (`<@U123>`), by user id. */
  users?: Readonly<Record<string, string>>;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const HELD = /\uE000(\d+)\uE001/g;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

/**
 * Slack mrkdwn as HTML: code blocks, inline code, `<url|label>` links, date tokens (shown as their
 * fallback), mentions, *bold*, _italic_, ~strike~, line breaks and a few emoji shortcodes. The input
 * is untrusted: everything it holds comes out escaped, and only http(s) and mailto links survive.
 */
export function renderMrkdwnHtml(mrkdwn: string, options: MrkdwnHtmlOptions = {}): string {
  const held: string[] = [];
  const hold = (html: string) => `${OPEN}${held.push(html) - 1}${CLOSE}`;
  const text = mrkdwn
    .replace(/[\uE000\uE001]/g, '\uFFFD')
    .replace(/```([\s\S]*?)```/g, (_, code: string) =>
      hold(`<pre class="code-block">${codeHtml(code)}</pre>`),
    )
    .replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${codeHtml(code)}</code>`))
    .replace(/<([^<>\n]+)>/g, (_, inner: string) => hold(angleTokenHtml(inner, options)));
  const html = replaceEmojiShortcodes(applyEmphasis(escapeHtml(decodeSlackEntities(text))));
  return html.replace(/\n/g, '<br>').replace(HELD, (_, index: string) => held[Number(index)] ?? '');
}

function codeHtml(code: string): string {
  return escapeHtml(decodeSlackEntities(code));
}

function labelHtml(label: string): string {
  return escapeHtml(decodeSlackEntities(label));
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** What Slack shows for `<…>`: a date's fallback, a mention, or a link. */
function angleTokenHtml(inner: string, options: MrkdwnHtmlOptions): string {
  const [target, label] = splitLabel(inner);
  if (target.startsWith('!date^')) return `<span class="date">${labelHtml(label ?? '')}</span>`;
  if (target.startsWith('!')) {
    const name = label ?? `@${target.slice(1).split('^')[0] ?? ''}`;
    return `<span class="mention">${labelHtml(name)}</span>`;
  }
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = options.users?.[id] ?? label ?? id;
    return `<span class="mention">@${labelHtml(name)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention">#${labelHtml(label ?? target.slice(1))}</span>`;
  return linkHtml(decodeSlackEntities(target), label);
}

function linkHtml(href: string, label: string | undefined): string {
  const shown = label === undefined || label === '' ? escapeHtml(href) : labelHtml(label);
  if (!SAFE_HREF.test(href)) return shown;
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${shown}</a>`;
}

const EMPHASIS: ReadonlyArray<[RegExp, string]> = [
  [/(^|[^\p{L}\p{N}*])\*(\S(?:[^*\n]*?\S)?)\*(?![\p{L}\p{N}*])/gu, 'b'],
  [/(^|[^\p{L}\p{N}_])_(\S(?:[^_\n]*?\S)?)_(?![\p{L}\p{N}_])/gu, 'i'],
  [/(^|[^\p{L}\p{N}~])~(\S(?:[^~\n]*?\S)?)~(?![\p{L}\p{N}~])/gu, 's'],
];

/** *bold*, _italic_ and ~strike~ over already escaped text (the markers are never escaped). */
function applyEmphasis(html: string): string {
  return EMPHASIS.reduce(
    (out, [pattern, tag]) =>
      out.replace(pattern, (_, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`),
    html,
  );
}
