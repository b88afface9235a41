/** users.info and usergroups.users.list of the fake Slack server (see fake-slack.ts). */
import type { FakeSlackCall, FakeSlackUser, FakeSlackReply as Reply } from './fake-slack-types.js';

export interface FakeSlackPeople {
  users: Map<string, FakeSlackUser>;
  usergroups: Map<string, string[]>;
}

/** A member as users.info describes one; an unknown member is a regular, active one. */
export function usersInfo(people: FakeSlackPeople, call: FakeSlackCall): Reply {
  const id = typeof call.body.user === 'string' ? call.body.user : '';
  if (!/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: 'user_not_found' };
  const u = people.users.get(id) ?? {};
  const user = {
    id,
    team_id: call.teamId,
    name: id.toLowerCase(),
    deleted: false,
    is_admin: u.isAdmin ?? false,
    is_owner: u.isOwner ?? false,
    is_primary_owner: u.isPrimaryOwner ?? false,
    is_bot: false,
  };
  return { ok: true, user };
}

export function usergroupUsers(people: FakeSlackPeople, call: FakeSlackCall): Reply {
  const id = typeof call.body.usergroup === 'string' ? call.body.usergroup : '';
  const members = people.usergroups.get(id);
  return members ? { ok: true, users: [...members] } : { ok: false, error: 'no_such_subteam' };
}
