import { cleanText, ELLIPSIS } from './limits.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so a project name or
 * an error text can never become a mention (`<!channel>`, `<@U123>`) or a link (`<http://x|y>`);
 * control and bidirectional characters are cleaned out first (cleanText), so nothing echoed can
 * ring, hide or reorder text.
 */
export function escapeMrkdwn(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * Escapes `text` and shortens it so the escaped result is at most `max` UTF-16 units, ending in
 * "…" when cut. Never cuts inside an entity or a surrogate pair.
 */
export function fitMrkdwn(text: string, max: number): string {
  const clean = cleanText(text);
  const escaped = escapeMrkdwn(clean);
  if (escaped.length <= max) return escaped;
  if (max <= 0) return '';
  let out = '';
  for (const codePoint of clean) {
    const piece = ENTITIES[codePoint] ?? codePoint;
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return out + ELLIPSIS;
}

/**
 * Makes text safe to place between backticks: a backtick inside would close the code span early,
 * so it is shown as the look-alike "ˋ" (U+02CB).
 */
export function codeSafe(text: string): string {
  return text.replace(/`/g, '\u02CB');
}

/** Inline code: `text`, escaped and at most `max` units including the backticks. */
export function inlineCode(text: string, max: number): string {
  return `\`${fitMrkdwn(codeSafe(text), max - 2)}\``;
}

/** A fenced code block, escaped and at most `max` units including the fences. */
export function codeBlock(text: string, max: number): string {
  return `\`\`\`${fitMrkdwn(codeSafe(text), max - 6)}\`\`\``;
}

/** The URL part of a `<url|label>` link: entities escaped and `|` percent-encoded. */
export function escapeLinkUrl(url: string): string {
  return escapeMrkdwn(url).replace(/\|/g, '%7C');
}

/** A mrkdwn link `<url|label>`; the label is escaped and at most `labelMax` units. */
export function mrkdwnLink(url: string, label: string, labelMax: number): string {
  return `<${escapeLinkUrl(url)}|${fitMrkdwn(label, labelMax)}>`;
}
