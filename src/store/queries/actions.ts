import { camel, snake } from '../rows.js';
import type { Db } from '../schema.js';
import type { ActionAccess, ActionStore, MentionStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toAccess(row: { mode: ActionAccess['mode']; mentions: string } | undefined): ActionAccess {
  if (!row || row.mode === 'off') return { mode: 'off' };
  if (row.mode === 'everyone') return { mode: 'everyone' };
  return { mode: 'members', mentions: parseList(row.mentions) };
}

export function createActionQueries(db: Db): ActionStore & MentionStore {
  // Both are read for every delivery job.
  const access = prepared(['teamId'], (v) =>
    db.selectFrom('action_access').select(['mode', 'mentions']).where(matches(v)),
  );
  const mentions = prepared(['teamId', 'channelId', 'projectId'], (v) =>
    db.selectFrom('channel_mentions').select('mentions').where(matches(v)),
  );
  return {
    getActionAccess: async (teamId) => toAccess((await db.executeQuery(access({ teamId }))).rows[0]),
    async setActionAccess(teamId, access, setBy, at) {
      const mentions = JSON.stringify(access.mode === 'members' ? access.mentions : []);
      const row = { mode: access.mode, mentions, set_by: setBy, set_at: at };
      await db
        .insertInto('action_access')
        .values({ team_id: teamId, ...row })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
    },
    async claimActionPress({ teamId, channelId, messageTs, action }, now, windowMs) {
      const result = await db
        .insertInto('action_presses')
        .values(snake({ teamId, channelId, messageTs, action, claimedAt: now }))
        .onConflict((oc) =>
          oc
            .columns(['team_id', 'channel_id', 'message_ts', 'action'])
            .doUpdateSet({ claimed_at: now })
            .where('action_presses.claimed_at', '<=', now - windowMs),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async recordAction(r) {
      const { teamId, channelId, messageTs, action, projectId, deploymentId, userId, at } = r;
      const record = { teamId, channelId, messageTs, action, projectId, deploymentId, userId, at };
      await db
        .insertInto('action_log')
        .values(snake({ ...record, result: r.result, newDeploymentId: r.newDeploymentId }))
        .execute();
    },
    async listActions(teamId, limit = 100) {
      const rows = await db
        .selectFrom('action_log')
        .selectAll()
        .where('team_id', '=', teamId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(({ id: _, ...row }) => camel(row));
    },
    async getMentions(teamId, channelId, projectId) {
      const row = (await db.executeQuery(mentions({ teamId, channelId, projectId }))).rows[0];
      return row ? parseList(row.mentions) : [];
    },
    async setMentions(teamId, channelId, projectId, list) {
      const key = snake({ teamId, channelId, projectId });
      if (list.length === 0) {
        await db.deleteFrom('channel_mentions').where(matches({ teamId, channelId, projectId })).execute();
        return;
      }
      const row = { mentions: JSON.stringify(list) };
      await db
        .insertInto('channel_mentions')
        .values({ ...key, ...row })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'project_id']).doUpdateSet(row))
        .execute();
    },
  };
}
