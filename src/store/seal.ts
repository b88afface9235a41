/**
 * The associated data each sealed value is bound to: the identity of the row that holds it.
 * A ciphertext copied to another row fails to open. Every store uses exactly these strings,
 * so a value sealed by one implementation opens in another.
 */
export const sealContext = {
  hook: (hookId: string) => `hook:${hookId}`,
  installation: (teamId: string) => `installation:${teamId}`,
  botToken: (teamId: string) => `bot-token:${teamId}`,
  apiKey: (teamId: string) => `api-key:${teamId}`,
} as const;
