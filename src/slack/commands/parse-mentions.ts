/** A mention as Slack sends it with `should_escape: true`, reduced to its id form (labels dropped). */
const FORMS: Array<{ pattern: RegExp; kind: MentionKind; normal: (m: RegExpMatchArray) => string }> = [
  { pattern: /^<@([UW][A-Z0-9]{2,20})(?:\|[^<>]{0,80})?>$/, kind: 'user', normal: (m) => `<@${m[1]}>` },
  {
    pattern: /^<!subteam\^(S[A-Z0-9]{2,20})(?:\|[^<>]{0,80})?>$/,
    kind: 'group',
    normal: (m) => `<!subteam^${m[1]}>`,
  },
  { pattern: /^<!(here|channel)(?:\|[^<>]{0,80})?>$/, kind: 'broadcast', normal: (m) => `<!${m[1]}>` },
];

export type MentionKind = 'user' | 'group' | 'broadcast';

export const MAX_MENTIONS = 20;

export type ParsedMentions = { ok: true; mentions: string[] } | { ok: false; bad: string };

/**
 * Splits text into Slack's escaped mentions. Only `<@U…>`, `<!subteam^S…>` and (when allowed)
 * `<!here>`, `<!channel>` are accepted, each kept as its id form; a plain name (`@alex`) or anything
 * else is refused, so a mention is never built from a name.
 */
export function parseMentions(text: string, allowed: readonly MentionKind[]): ParsedMentions {
  const tokens = text.match(/<[^<>]*>|[^\s<>]+|[<>]/g) ?? [];
  const mentions: string[] = [];
  for (const token of tokens) {
    const form = FORMS.find((f) => allowed.includes(f.kind) && f.pattern.test(token));
    const match = form ? token.match(form.pattern) : null;
    if (!form || !match) return { ok: false, bad: token };
    const normal = form.normal(match);
    if (!mentions.includes(normal)) mentions.push(normal);
  }
  if (mentions.length === 0) return { ok: false, bad: '' };
  if (mentions.length > MAX_MENTIONS) return { ok: false, bad: tokens[MAX_MENTIONS] ?? '' };
  return { ok: true, mentions };
}

/** The user ids and user group ids of id-form mentions. */
export function mentionIds(mentions: readonly string[]): { users: string[]; groups: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  for (const m of mentions) {
    const user = /^<@([UW][A-Z0-9]+)>$/.exec(m)?.[1];
    const group = /^<!subteam\^(S[A-Z0-9]+)>$/.exec(m)?.[1];
    if (user) users.push(user);
    if (group) groups.push(group);
  }
  return { users, groups };
}
