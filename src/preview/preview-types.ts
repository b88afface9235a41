/** One message as the preview page shows it. Every string in it is treated as untrusted. */
export interface PreviewMessage {
  /** The notification fallback `text`, shown when there are no blocks. */
  text?: unknown;
  /** Block Kit blocks exactly as sent to Slack. */
  blocks?: unknown;
  /** Who posted it (default "sota.io"). */
  author?: string;
  /** A short time label shown beside the author, e.g. "14:30". */
  time?: string;
  /** An answer only the person who ran the command sees ("Only visible to you"). */
  ephemeral?: boolean;
  /** The slash command that led to this answer, shown above it, e.g. "/sota list". */
  command?: string;
  /** Replies in the message's thread, oldest first. */
  replies?: PreviewMessage[];
  /** An anchor for the message element (`id="msg-<id>"`), for links and screenshots. */
  id?: string;
}

/** The messages of one channel, in posting order. */
export interface PreviewChannel {
  /** How the channel is called, e.g. "#deploys". */
  channel: string;
  messages: PreviewMessage[];
}

export interface PreviewOptions {
  /** The page title (default "sota-slack — message preview"). */
  title?: string;
  /** A line under the title. */
  subtitle?: string;
  /** Display names for user mentions, by Slack user id. */
  users?: Readonly<Record<string, string>>;
}
