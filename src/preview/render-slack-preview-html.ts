import { escapeHtml } from './escape-html.js';
import { PREVIEW_CSS } from './preview-styles.js';
import type { PreviewChannel, PreviewOptions } from './preview-types.js';
import { renderMessageHtml } from './render-message-html.js';

export type { PreviewChannel, PreviewMessage, PreviewOptions } from './preview-types.js';

const DEFAULT_TITLE = 'sota-slack — message preview';

/** No scripts, no network: only the inline stylesheet may apply. */
const CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function channelHtml(item: PreviewChannel, options: PreviewOptions): string {
  const users = options.users ? { users: options.users } : {};
  const messages = item.messages.map((message) => renderMessageHtml(message, users)).join('');
  const body = messages === '' ? '<div class="channel-empty">No messages.</div>' : messages;
  return `<section class="channel"><div class="channel-name">${escapeHtml(item.channel)}</div>${body}</section>`;
}

/**
 * A self-contained HTML page (inline CSS, no scripts, fonts or other files) showing each channel's
 * messages the way Slack draws them: Block Kit blocks, mrkdwn, threads and ephemeral answers.
 * Every string taken from the messages is escaped.
 */
export function renderSlackPreviewHtml(
  items: readonly PreviewChannel[],
  options: PreviewOptions = {},
): string {
  const title = escapeHtml(options.title ?? DEFAULT_TITLE);
  const subtitle = options.subtitle ? `<p class="page-subtitle">${escapeHtml(options.subtitle)}</p>` : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title><style>${PREVIEW_CSS}</style></head>`,
    `<body><main class="page"><h1 class="page-title">${title}</h1>${subtitle}`,
    items.map((item) => channelHtml(item, options)).join(''),
    '</main></body></html>',
    '',
  ].join('\n');
}
