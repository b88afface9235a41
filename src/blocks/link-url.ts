import { BLOCK_KIT_LIMITS, CONTENT_CAPS, oneLine } from './limits.js';
import { escapeLinkUrl, inlineCode, mrkdwnLink } from './mrkdwn.js';

/** A URL as the renderers may show it: a link, or (when it cannot be one) only text. */
export type ShownUrl = { kind: 'link'; href: string } | { kind: 'text'; text: string };

const SCAN_MAX = 20_000;

/**
 * Accepts only http(s) URLs without credentials, normalised by the WHATWG parser (so the result
 * is ASCII and has no spaces or angle brackets). A URL longer than a button allows, or anything
 * else, is returned as text only.
 */
export function toShownUrl(value: string): ShownUrl | undefined {
  const raw = oneLine(value.slice(0, SCAN_MAX));
  if (raw === '') return undefined;
  const href = parseHttpUrl(raw);
  if (href === undefined || href.length > BLOCK_KIT_LIMITS.buttonUrl)
    return { kind: 'text', text: href ?? raw };
  return { kind: 'link', href };
}

function parseHttpUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const bareRoot = url.pathname === '/' && url.search === '' && url.hash === '' && !raw.endsWith('/');
  return bareRoot ? url.href.slice(0, -1) : url.href;
}

/** A shown URL as mrkdwn: a `<url|label>` link when it fits, else the (shortened) URL as code. */
export function urlMrkdwn(url: ShownUrl): string {
  if (url.kind === 'link' && escapeLinkUrl(url.href).length <= CONTENT_CAPS.linkUrl) {
    return mrkdwnLink(url.href, url.href, CONTENT_CAPS.urlLabel);
  }
  return inlineCode(url.kind === 'link' ? url.href : url.text, CONTENT_CAPS.urlInText);
}

/** The URL for a plain one-line summary: escaped, and only when it is a link short enough to show whole. */
export function urlForSummary(url: ShownUrl | undefined): string | undefined {
  if (url?.kind !== 'link') return undefined;
  const escaped = escapeLinkUrl(url.href);
  return escaped.length <= CONTENT_CAPS.urlInText ? escaped : undefined;
}
