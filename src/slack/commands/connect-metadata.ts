/** What the connect modal carries from the command to its submission (private_metadata). */
export interface ConnectMetadata {
  channelId: string;
  userId: string;
  /** The command's response_url, to confirm in the channel (ephemeral) once the key is stored. */
  responseUrl: string;
}

export function encodeConnectMetadata(meta: ConnectMetadata): string {
  return JSON.stringify(meta);
}

/** Reads it back; anything unexpected yields undefined (the modal then just confirms in itself). */
export function decodeConnectMetadata(text: string | undefined): ConnectMetadata | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<ConnectMetadata>;
    if (typeof value.channelId !== 'string' || typeof value.userId !== 'string') return undefined;
    if (typeof value.responseUrl !== 'string' || !/^https?:\/\//.test(value.responseUrl)) return undefined;
    return { channelId: value.channelId, userId: value.userId, responseUrl: value.responseUrl };
  } catch {
    return undefined;
  }
}
