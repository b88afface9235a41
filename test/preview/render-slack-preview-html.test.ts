import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';

const succeeded = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'Shop Frontend',
  deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  status: 'succeeded',
  sotaStatus: 'running',
  startedAt: '2026-02-25T14:30:00Z',
  finishedAt: '2026-02-25T14:31:42Z',
  url: 'https://shop.sota.io',
} as const;

const page = (messages: Parameters<typeof renderSlackPreviewHtml>[0][number]['messages']) =>
  renderSlackPreviewHtml([{ channel: '#deploys', messages }]);

/** Every tag the page may contain, and every attribute those tags may carry. */
const TAGS = new Set(
  'html head meta title style body main h1 p section div article span b i s code pre a br hr'.split(' '),
);
const ATTRIBUTES = new Set(
  'lang charset http-equiv content name class id href target rel title aria-hidden'.split(' '),
);

function tagsOf(html: string): Array<{ name: string; attributes: string[] }> {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/^<!doctype html>/, '');
  return [...body.matchAll(/<\/?([a-zA-Z0-9-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)].map((m) => ({
    name: m[1] ?? '',
    attributes: [...(m[2] ?? '').matchAll(/([a-z-]+)(?:="[^"]*")?/g)].map((a) => a[1] ?? ''),
  }));
}

describe('renderSlackPreviewHtml', () => {
  it('renders a deployment message: header, fields, live link, button and context', () => {
    const html = page([{ ...renderDeployMessage(succeeded), time: '14:30', id: 'live' }]);
    expect(html).toContain('<div class="b-header">✅ Shop Frontend is live</div>');
    expect(html).toContain('<div class="b-field"><b>Project</b><br>Shop Frontend</div>');
    expect(html).toContain('<div class="b-field"><b>Duration</b><br>1 m 42 s</div>');
    expect(html).toContain('<span class="date">2026-02-25 14:31 UTC</span>');
    expect(html).toMatch(/<a class="btn" href="https:\/\/shop\.sota\.io"[^>]*>Open live site<\/a>/);
    expect(html).toContain(
      '<div class="b-context"><span class="b-context-text">sota.io · deployment <code>7c9e6679</code>',
    );
    expect(html).toContain('<article class="msg" id="msg-live">');
    expect(html).toContain('<span class="time">14:30</span>');
  });

  it('renders a thread under its message, and an ephemeral answer with its command', () => {
    const reply = renderThreadReply(succeeded);
    const html = page([
      { ...renderDeployMessage(succeeded), replies: [reply, reply] },
      { text: 'This channel follows *1* project', ephemeral: true, command: '/sota list' },
    ]);
    expect(html).toContain('<div class="thread-count">2 replies</div>');
    expect(html.match(/class="msg msg-reply"/g)).toHaveLength(2);
    expect(html).toContain('✅ <b>Live</b> at <a href="https://shop.sota.io"');
    expect(html).toContain('<article class="msg msg-ephemeral">');
    expect(html).toContain('Only visible to you');
    expect(html).toContain('used <code>/sota list</code>');
    expect(html).toContain('This channel follows <b>1</b> project');
  });

  it('renders the divider, section accessories, styled buttons, other elements and unknown blocks', () => {
    const html = page([
      {
        blocks: [
          { type: 'divider' },
          {
            type: 'section',
            text: { type: 'plain_text', text: 'Pick :rocket:' },
            accessory: {
              type: 'button',
              text: { type: 'plain_text', text: 'Go' },
              style: 'primary',
              value: 'x',
            },
          },
          {
            type: 'actions',
            elements: [{ type: 'static_select', placeholder: { type: 'plain_text', text: 'Choose' } }],
          },
          { type: 'video' },
        ],
      },
    ]);
    expect(html).toContain('<hr class="b-divider">');
    expect(html).toContain('<div class="b-text">Pick 🚀</div>');
    expect(html).toContain('<span class="btn btn-primary">Go</span>');
    expect(html).toContain('<span class="btn btn-select">Choose ▾</span>');
    expect(html).toContain('<div class="b-unknown">[video block]</div>');
  });

  it('falls back to the text when a message has no blocks, and shows an empty channel', () => {
    expect(page([{ text: 'plain *fallback*', blocks: [] }])).toContain('plain <b>fallback</b>');
    expect(renderSlackPreviewHtml([{ channel: '#quiet', messages: [] }])).toContain('No messages.');
  });

  it('is self-contained: a policy that forbids scripts and every outside resource', () => {
    const html = page([{ ...renderDeployMessage(succeeded) }]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('escapes hostile text in every field it shows', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
    const html = renderSlackPreviewHtml(
      [
        {
          channel: evil,
          messages: [
            {
              author: evil,
              time: evil,
              command: evil,
              id: evil,
              blocks: [
                { type: 'header', text: { type: 'plain_text', text: evil } },
                {
                  type: 'section',
                  text: { type: 'mrkdwn', text: `<${evil}|${evil}>` },
                  fields: [{ type: 'mrkdwn', text: evil }],
                },
                {
                  type: 'actions',
                  elements: [
                    {
                      type: 'button',
                      text: { type: 'plain_text', text: evil },
                      url: `https://x.test/${evil}`,
                    },
                  ],
                },
                { type: evil },
              ],
            },
          ],
        },
      ],
      { title: evil, subtitle: evil },
    );
    for (const tag of tagsOf(html)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      for (const attribute of tag.attributes) expect(ATTRIBUTES.has(attribute), attribute).toBe(true);
    }
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('never lets arbitrary input add a tag or an attribute of its own', () => {
    const text = fc.string({ unit: fc.constantFrom(...'<>&"\'=/|*_~`!@#^: \nabcjavascript'.split('')) });
    const block = fc.oneof(
      fc.record({ type: fc.constant('header'), text: fc.record({ type: fc.constant('plain_text'), text }) }),
      fc.record({ type: fc.constant('section'), text: fc.record({ type: fc.constant('mrkdwn'), text }) }),
      fc.record({
        type: fc.constant('context'),
        elements: fc.array(fc.record({ type: fc.constant('mrkdwn'), text })),
      }),
      fc.record({ type: text }),
      fc.anything(),
    );
    fc.assert(
      fc.property(text, fc.array(block), text, (channel, blocks, fallback) => {
        const html = renderSlackPreviewHtml([
          { channel, messages: [{ blocks, text: fallback, author: channel }] },
        ]);
        for (const tag of tagsOf(html)) {
          if (!TAGS.has(tag.name)) return false;
          if (!tag.attributes.every((a) => ATTRIBUTES.has(a))) return false;
        }
        return !/<(?!\/?[a-z0-9]+[\s>])/i.test(html.replace(/^<!doctype html>/, ''));
      }),
    );
  });
});
