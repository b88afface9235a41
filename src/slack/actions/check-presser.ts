import type { WebClient } from '@slack/web-api';
import type { ActionAccess } from '../../store/types.js';
import { mentionIds } from '../commands/parse-mentions.js';
import type { GroupMembers } from './group-members.js';

export type PresserCheck = 'allowed' | 'off' | 'not_allowed' | 'check_failed';

/** May this member press Redeploy / Roll back under the workspace's setting? */
export async function checkPresser(
  input: { access: ActionAccess; userId: string; teamId: string; client: WebClient },
  groupMembers: GroupMembers,
): Promise<PresserCheck> {
  const { access } = input;
  if (access.mode === 'off') return 'off';
  if (access.mode === 'everyone') return 'allowed';
  const { users, groups } = mentionIds(access.mentions);
  if (users.includes(input.userId)) return 'allowed';
  let failed = false;
  for (const group of groups) {
    try {
      if ((await groupMembers(input.client, input.teamId, group)).includes(input.userId)) return 'allowed';
    } catch {
      failed = true;
    }
  }
  return failed ? 'check_failed' : 'not_allowed';
}
