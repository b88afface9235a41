import type { WebClient } from '@slack/web-api';

export type GroupMembers = (client: WebClient, teamId: string, groupId: string) => Promise<string[]>;

/** usergroups.users.list, cached briefly per (team, group) so a burst of presses asks Slack once. */
export function createGroupMembers(now: () => number, ttlMs = 60_000): GroupMembers {
  const cache = new Map<string, { at: number; members: string[] }>();
  return async (client, teamId, groupId) => {
    const key = `${teamId}:${groupId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.members;
    const answer = await client.usergroups.users.list({ usergroup: groupId });
    const members = (answer.users ?? []).filter((u): u is string => typeof u === 'string');
    if (cache.size > 1000) cache.clear();
    cache.set(key, { at: now(), members });
    return members;
  };
}
