import type { WebClient } from '@slack/web-api';
import type { CommandReply } from '../../blocks/commands/command-reply.js';
import type { Config } from '../../config/load-config.js';
import type { PacedCall } from '../../delivery/paced-call.js';
import type { Logger } from '../../log/logger.js';
import type { SotaClient } from '../../sota/client.js';
import type { Store } from '../../store/types.js';
import type { LostRegistrations } from '../hooks/lost-registrations.js';
import type { KeyedLock } from '../keyed-lock.js';

/** Who typed `/sota` where, and the Slack client authorised for that workspace. */
export interface CommandContext {
  teamId: string;
  channelId: string;
  userId: string;
  triggerId: string;
  responseUrl: string;
  client: WebClient;
}

/** What to answer: ephemeral unless `inChannel` (then everyone in the channel sees it). */
export interface CommandResult extends CommandReply {
  inChannel?: boolean;
}

export interface CommandDeps {
  config: Config;
  store: Store;
  logger: Logger;
  sotaClientFor: (token: string) => SotaClient;
  /** Posts outside the delivery queue (`/sota test`) under the same pace and 429 holds as deliveries. */
  pacedCall: PacedCall;
  newHookId: () => string;
  now: () => number;
  /** Asks the notice sender to post what was just claimed (a mute summary). */
  wakeNotices?: () => void;
  /** Serialises changes to one (team, project) within this process. */
  lock: KeyedLock;
  /** Webhook registrations whose answer was lost, looked for and deleted again. */
  lostRegistrations: LostRegistrations;
}

export function note(text: string): CommandResult {
  return { text };
}

export function projectLockKey(teamId: string, projectId: string): string {
  return `${teamId}:${projectId}`;
}
