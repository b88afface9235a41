/** ANSI escape sequences: CSI (colours, cursor moves), OSC (titles, links) and single-character escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what is removed
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Values that look like credentials, each with the part that stays visible (group 1). */
const CREDENTIALS: RegExp[] = [
  /\b(sotap?_|whsec_|xox[abeprs]-|gh[pousr]_|glpat-|sk_live_|sk_test_|npm_)[A-Za-z0-9_-]{6,}/g,
  /\b(AKIA)[0-9A-Z]{16}\b/g,
  /\b(eyJ)[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  /\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+(?=@)/gi,
  /(\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
];

/**
 * Makes deployment log text fit to show in Slack: ANSI escapes and carriage-return overwrites
 * removed, other control characters dropped, and anything that looks like a credential replaced
 * by `[redacted]` (its recognisable prefix kept).
 */
export function cleanLogText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(ANSI, '').replace(/\r\n/g, '\n');
  out = out
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  out = out.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  for (const pattern of CREDENTIALS) out = out.replace(pattern, '$1[redacted]');
  return out;
}
