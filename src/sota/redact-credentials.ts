/** Shapes of sota.io credentials: user API keys, partner keys and webhook signing secrets. */
const CREDENTIAL_PATTERN = /\b(?:sotap?_|whsec_)[A-Za-z0-9_-]+/g;
const MAX_LENGTH = 300;

/**
 * Makes text from sota.io (an error message) safe to show and log: removes the given secrets and
 * anything shaped like a sota.io credential, control characters and excess length.
 */
export function redactCredentials(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(CREDENTIAL_PATTERN, '[redacted]');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  out = out.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH - 1)}…` : out;
}
