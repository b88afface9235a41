import { escapeHtml, textOf } from './escape-html.js';
import type { PreviewMessage } from './preview-types.js';
import { renderBlocksHtml } from './render-blocks-html.js';
import { type MrkdwnHtmlOptions, renderMrkdwnHtml } from './render-mrkdwn-html.js';

const DEFAULT_AUTHOR = 'sota.io';

/** `msg-<id>` with only letters, digits and hyphens, or undefined. */
export function messageAnchor(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const safe = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return safe === '' ? undefined : `msg-${safe}`;
}

function bodyHtml(message: PreviewMessage, options: MrkdwnHtmlOptions): string {
  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0 ? message.blocks : undefined;
  if (blocks) return renderBlocksHtml(blocks, options);
  return `<div class="b-text">${renderMrkdwnHtml(textOf(message.text) ?? '', options)}</div>`;
}

function metaHtml(message: PreviewMessage): string {
  const author = escapeHtml(message.author ?? DEFAULT_AUTHOR);
  const time = message.time ? `<span class="time">${escapeHtml(message.time)}</span>` : '';
  return `<div class="meta"><span class="author">${author}</span><span class="app-badge">APP</span>${time}</div>`;
}

function avatarHtml(message: PreviewMessage): string {
  const initial = escapeHtml([...(message.author ?? DEFAULT_AUTHOR)][0]?.toUpperCase() ?? '?');
  return `<div class="avatar" aria-hidden="true">${initial}</div>`;
}

function threadHtml(replies: PreviewMessage[], options: MrkdwnHtmlOptions): string {
  if (replies.length === 0) return '';
  const count = `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`;
  const items = replies.map((reply) => renderMessageHtml(reply, options, 'reply')).join('');
  return `<div class="thread"><div class="thread-count">${count}</div>${items}</div>`;
}

/** One message: avatar, author, time, body, its thread; marked when only one person sees it. */
export function renderMessageHtml(
  message: PreviewMessage,
  options: MrkdwnHtmlOptions,
  kind: 'message' | 'reply' = 'message',
): string {
  const anchor = messageAnchor(message.id);
  const classes = ['msg', kind === 'reply' ? 'msg-reply' : '', message.ephemeral ? 'msg-ephemeral' : '']
    .filter((c) => c !== '')
    .join(' ');
  const command = message.command
    ? `<div class="command">used <code>${escapeHtml(message.command)}</code></div>`
    : '';
  const only = message.ephemeral ? '<div class="only-you">👁 Only visible to you</div>' : '';
  const thread = kind === 'message' ? threadHtml(message.replies ?? [], options) : '';
  return [
    `<article class="${classes}"${anchor ? ` id="${anchor}"` : ''}>`,
    `${command}${only}<div class="msg-row">${avatarHtml(message)}<div class="msg-content">`,
    `${metaHtml(message)}<div class="body">${bodyHtml(message, options)}</div>${thread}</div></div></article>`,
  ].join('');
}
