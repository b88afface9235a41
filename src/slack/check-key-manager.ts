import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';
import { outboundFailure } from '../net/outbound-failure.js';
import type { Store } from '../store/types.js';
import { slackErrorCode } from './slack-error-code.js';

export type KeyManagerCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'check_failed' };

export interface KeyManagerDeps {
  store: Pick<Store, 'getApiKey'>;
  logger: Logger;
}

interface SlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/**
 * May this member manage the workspace's sota.io key and its action settings? Workspace admins
 * and owners (from `users.info`) and the member who connected the current key may. When Slack
 * cannot tell, the answer is no (`check_failed`), so nothing changes on a guess.
 */
export async function checkKeyManager(
  deps: KeyManagerDeps,
  input: { client: WebClient; teamId: string; userId: string },
): Promise<KeyManagerCheck> {
  const key = await deps.store.getApiKey(input.teamId);
  if (key?.createdBy && key.createdBy === input.userId) return { ok: true };
  try {
    const answer = await input.client.users.info({ user: input.userId });
    const user = (answer.user ?? {}) as SlackUser;
    if (user.is_admin || user.is_owner || user.is_primary_owner) return { ok: true };
    return { ok: false, reason: 'not_allowed' };
  } catch (err) {
    const code = slackErrorCode(err);
    deps.logger.warn(
      { teamId: input.teamId, code, ...outboundFailure('Slack', 'users.info', err) },
      'could not check whether a member is a workspace admin',
    );
    return { ok: false, reason: 'check_failed' };
  }
}
