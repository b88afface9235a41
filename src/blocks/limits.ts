/**
 * Block Kit limits the renderers respect (docs.slack.dev, block and element references), plus
 * our own caps on user-controlled strings so that a whole message stays well under Slack's
 * 16 KB total even when every character takes four bytes.
 */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  actionId: 255,
  /** The top-level `text` fallback of chat.postMessage / chat.update. */
  messageText: 4000,
  /** Our own budget for the serialised message (UTF-8 bytes), well under Slack's 16 KB. */
  messageBytes: 12_000,
} as const;

/** Caps (in UTF-16 units) for strings we do not control, before any markup is added. */
export const CONTENT_CAPS = {
  projectName: 100,
  reason: 1500,
  reasonInText: 300,
  urlLabel: 100,
  urlInText: 300,
  /** The escaped URL of a `<url|label>` link, so the link fits a section with room to spare. */
  linkUrl: 2800,
} as const;

export const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` UTF-16 units, ending in "…" when anything was cut. Cuts fall
 * between code points, so a surrogate pair is never split (the result is also within `max` code
 * points, whichever way a limit is counted).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let out = '';
  for (const codePoint of text) {
    if (out.length + codePoint.length > max - 1) break;
    out += codePoint;
  }
  return out + ELLIPSIS;
}

/**
 * Replaces lone surrogates with U+FFFD, and control characters (other than newline and tab),
 * line/paragraph separators and bidirectional controls (overrides, embeddings, isolates and the
 * marks) with a space.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu, ' ');
}

/** Cleans `text` and folds every run of whitespace into one space, for one-line places. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}
