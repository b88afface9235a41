import type { Db } from '../schema.js';
import type { ActionAccess, ActionRecord, ActionStore, MentionStore } from '../types.js';

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

const byNewest = (a: ActionRecord & { id: number }, b: ActionRecord & { id: number }) =>
  b.at - a.at || b.id - a.id;

export function createActionQueries(db: Db): ActionStore & MentionStore {
  return {
    async getActionAccess(teamId) {
      const row = await db
        .selectFrom('action_access')
        .select(['mode', 'mentions'])
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return toAccess(row);
    },
    async setActionAccess(teamId, access, setBy, at) {
      const mentions = JSON.stringify(access.mode === 'members' ? access.mentions : []);
      const row = { mode: access.mode, mentions, set_by: setBy, set_at: at };
      await db
        .insertInto('action_access')
        .values({ team_id: teamId, ...row })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
    },
    async claimActionPress(key, now, windowMs) {
      const result = await db
        .insertInto('action_presses')
        .values({
          team_id: key.teamId,
          channel_id: key.channelId,
          message_ts: key.messageTs,
          action: key.action,
          claimed_at: now,
        })
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
      await db
        .insertInto('action_log')
        .values({
          ...{ team_id: r.teamId, channel_id: r.channelId, message_ts: r.messageTs, action: r.action },
          ...{ project_id: r.projectId, deployment_id: r.deploymentId, user_id: r.userId, at: r.at },
          ...{ result: r.result, new_deployment_id: r.newDeploymentId },
        })
        .execute();
    },
    async listActions(teamId, limit = 100) {
      const rows = await db.selectFrom('action_log').selectAll().where('team_id', '=', teamId).execute();
      return rows
        .map((row) => ({
          id: Number(row.id),
          teamId: row.team_id,
          channelId: row.channel_id,
          messageTs: row.message_ts,
          action: row.action,
          projectId: row.project_id,
          deploymentId: row.deployment_id,
          userId: row.user_id,
          at: Number(row.at),
          result: row.result,
          newDeploymentId: row.new_deployment_id,
        }))
        .sort(byNewest)
        .slice(0, limit)
        .map(({ id: _id, ...record }) => record);
    },
    async getMentions(teamId, channelId, projectId) {
      const row = await db
        .selectFrom('channel_mentions')
        .select('mentions')
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .where('project_id', '=', projectId)
        .executeTakeFirst();
      return row ? parseList(row.mentions) : [];
    },
    async setMentions(teamId, channelId, projectId, mentions) {
      const key = { team_id: teamId, channel_id: channelId, project_id: projectId };
      if (mentions.length === 0) {
        await db
          .deleteFrom('channel_mentions')
          .where('team_id', '=', teamId)
          .where('channel_id', '=', channelId)
          .where('project_id', '=', projectId)
          .execute();
        return;
      }
      const row = { mentions: JSON.stringify(mentions) };
      await db
        .insertInto('channel_mentions')
        .values({ ...key, ...row })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'project_id']).doUpdateSet(row))
        .execute();
    },
  };
}
