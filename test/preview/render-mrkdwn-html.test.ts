import { describe, expect, it } from 'vitest';
import { renderMrkdwnHtml } from '../../src/preview/render-mrkdwn-html.js';

describe('renderMrkdwnHtml', () => {
  it('renders bold, italic and strike, also around inline code', () => {
    expect(renderMrkdwnHtml('*Project*\nmy-app')).toBe('<b>Project</b><br>my-app');
    expect(renderMrkdwnHtml('_soon_ and ~never~')).toBe('<i>soon</i> and <s>never</s>');
    expect(renderMrkdwnHtml('*`/sota` posts*')).toBe('<b><code>/sota</code> posts</b>');
  });

  it('leaves markers inside words and code alone', () => {
    expect(renderMrkdwnHtml('error_message_text')).toBe('error_message_text');
    expect(renderMrkdwnHtml('`*not bold*`')).toBe('<code>*not bold*</code>');
    expect(renderMrkdwnHtml('2*3*4')).toBe('2*3*4');
  });

  it('renders code blocks with their line breaks, and Slack entities as the characters', () => {
    const html = renderMrkdwnHtml("*Reason*\n```Build failed &amp; &lt;stopped&gt;\nError: 'next'```");
    expect(html).toBe(
      '<b>Reason</b><br><pre class="code-block">Build failed &amp; &lt;stopped&gt;\nError: &#39;next&#39;</pre>',
    );
  });

  it('renders links with their label and only for http(s) and mailto', () => {
    expect(renderMrkdwnHtml('<https://shop.sota.io/a?b=1&amp;c=2|the shop>')).toBe(
      '<a href="https://shop.sota.io/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the shop</a>',
    );
    expect(renderMrkdwnHtml('<https://x.test>')).toContain('>https://x.test</a>');
    expect(renderMrkdwnHtml('<javascript:alert(1)|click>')).toBe('click');
    expect(renderMrkdwnHtml('<data:text/html,x>')).not.toContain('href');
  });

  it('shows a date token as its fallback text', () => {
    const token = '<!date^1772029800^{date_short_pretty} at {time}|2026-02-25 14:30 UTC>';
    expect(renderMrkdwnHtml(`Started ${token}`)).toBe(
      'Started <span class="date">2026-02-25 14:30 UTC</span>',
    );
  });

  it('shows mentions by name when known', () => {
    expect(renderMrkdwnHtml('<@U0ALEX> did it', { users: { U0ALEX: 'alex' } })).toBe(
      '<span class="mention">@alex</span> did it',
    );
    expect(renderMrkdwnHtml('<@U9>')).toBe('<span class="mention">@U9</span>');
    expect(renderMrkdwnHtml('<#C1|deploys> <!here>')).toBe(
      '<span class="mention">#deploys</span> <span class="mention">@here</span>',
    );
  });

  it('draws the emoji shortcodes our messages use and keeps others as typed', () => {
    expect(renderMrkdwnHtml(':warning: :double_vertical_bar: :not_an_emoji:')).toBe('⚠️ ⏸️ :not_an_emoji:');
  });

  it('escapes everything else, including text that looks like HTML', () => {
    expect(renderMrkdwnHtml('<img src=x onerror=alert(1)>')).toBe('img src=x onerror=alert(1)');
    expect(renderMrkdwnHtml('&lt;script&gt;alert("x")&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(renderMrkdwnHtml('a\uE0000\uE001b')).toBe('a\uFFFD0\uFFFDb');
  });
});
