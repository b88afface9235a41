import { toSubscription as fromRow, type SubscriptionRow } from '../rows.js';
import type { Store } from '../types.js';
import { createStatements, type Db } from './statements.js';

const KEY = 'team_id = ? AND channel_id = ? AND project_id = ?';
/** Matches a pause scope; a null channel or project matches every one. */
const SCOPE = `team_id = @teamId AND (@channelId IS NULL OR channel_id = @channelId)
  AND (@projectId IS NULL OR project_id = @projectId)`;

type SubscriptionMethods = Pick<
  Store,
  | 'upsertSubscription'
  | 'deleteSubscription'
  | 'getSubscription'
  | 'listSubscriptions'
  | 'countSubscriptionsForHook'
  | 'pauseSubscriptions'
>;

export function createSubscriptionMethods(db: Db): SubscriptionMethods {
  const q = createStatements(db, {
    get: `SELECT * FROM subscriptions WHERE ${KEY}`,
    insert: `INSERT INTO subscriptions (team_id, channel_id, project_id, hook_id, events, state,
               paused_reason, created_by, created_at, updated_at)
             VALUES (@teamId, @channelId, @projectId, @hookId, @events, 'active', NULL, @createdBy, @now, @now)`,
    update: `UPDATE subscriptions SET hook_id = @hookId, events = @events, state = 'active',
               paused_reason = NULL, updated_at = @now
             WHERE team_id = @teamId AND channel_id = @channelId AND project_id = @projectId`,
    delete: `DELETE FROM subscriptions WHERE ${KEY} RETURNING *`,
    listTeam: 'SELECT * FROM subscriptions WHERE team_id = ? ORDER BY channel_id, project_id',
    listChannel: 'SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ? ORDER BY project_id',
    countHook: 'SELECT COUNT(*) AS n FROM subscriptions WHERE hook_id = ?',
    pause: `UPDATE subscriptions SET state = 'paused', paused_reason = @reason, updated_at = @now
            WHERE state = 'active' AND ${SCOPE}`,
    dropJobs: `UPDATE jobs SET state = 'dropped', last_error = @reason, updated_at = @now
               WHERE state = 'pending' AND ${SCOPE}`,
  });
  const get = (teamId: string, channelId: string, projectId: string) => {
    const row = q.get.get(teamId, channelId, projectId) as SubscriptionRow | undefined;
    return row && fromRow(row);
  };

  const upsert = db.transaction((sub: Parameters<Store['upsertSubscription']>[0]) => {
    const params = { ...sub, events: JSON.stringify([...new Set(sub.events)]), now: Date.now() };
    const created = q.update.run(params).changes === 0;
    if (created) q.insert.run(params);
    return { created, subscription: get(sub.teamId, sub.channelId, sub.projectId)! };
  });

  const pause = db.transaction(
    (scope: { teamId: string; channelId?: string; projectId?: string }, reason) => {
      const { teamId, channelId = null, projectId = null } = scope;
      const params = { teamId, channelId, projectId, reason, now: Date.now() };
      const paused = q.pause.run(params).changes;
      q.dropJobs.run(params);
      return paused;
    },
  );

  return {
    upsertSubscription: async (sub) => upsert.immediate(sub),
    async deleteSubscription(teamId, channelId, projectId) {
      const row = q.delete.get(teamId, channelId, projectId) as SubscriptionRow | undefined;
      return row && fromRow(row);
    },
    getSubscription: async (teamId, channelId, projectId) => get(teamId, channelId, projectId),
    async listSubscriptions({ teamId, channelId }) {
      const rows = channelId === undefined ? q.listTeam.all(teamId) : q.listChannel.all(teamId, channelId);
      return (rows as SubscriptionRow[]).map(fromRow);
    },
    async countSubscriptionsForHook(hookId) {
      return (q.countHook.get(hookId) as { n: number }).n;
    },
    pauseSubscriptions: async (scope, reason) => pause.immediate(scope, reason),
  };
}
