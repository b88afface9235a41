/**
 * Slack mrkdwn as a terminal shows it: links as their label, dates as their fallback, mentions by
 * name, emphasis markers dropped, entities decoded.
 */
export function plainMrkdwn(text: string, users: Readonly<Record<string, string>> = {}): string {
  return text
    .replace(/<([^<>|]+)(?:\|([^<>]*))?>/g, (_, target: string, label: string | undefined) => {
      if (target.startsWith('@')) return `@${users[target.slice(1)] ?? label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return label ?? `@${target.slice(1)}`;
      return label ?? target;
    })
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=$|[\s).,:;])/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
