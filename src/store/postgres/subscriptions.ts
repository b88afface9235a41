import { type SubscriptionRow, toSubscription } from '../rows.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';

type SubscriptionMethods = Pick<
  Store,
  | 'upsertSubscription'
  | 'deleteSubscription'
  | 'getSubscription'
  | 'listSubscriptions'
  | 'countSubscriptionsForHook'
  | 'pauseSubscriptions'
>;

const KEY = 'team_id = $1 AND channel_id = $2 AND project_id = $3';

// Creates, or updates the filter and hook and resumes a paused one. `xmax = 0` marks a fresh insert.
const UPSERT = `
INSERT INTO subscriptions AS s (team_id, channel_id, project_id, hook_id, events, state, paused_reason,
  created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'active', NULL, $6, $7, $7)
ON CONFLICT (team_id, channel_id, project_id) DO UPDATE SET
  hook_id = EXCLUDED.hook_id, events = EXCLUDED.events, state = 'active', paused_reason = NULL,
  updated_at = EXCLUDED.updated_at
RETURNING *, (xmax = 0) AS created`;

/** A null channel or project matches every one. */
const SCOPE = `team_id = $1 AND ($2::text IS NULL OR channel_id = $2) AND ($3::text IS NULL OR project_id = $3)`;

// Pauses the active subscriptions in scope and cancels the scope's pending jobs, in one statement.
const PAUSE = `
WITH paused AS (
  UPDATE subscriptions SET state = 'paused', paused_reason = $4, updated_at = $5
  WHERE state = 'active' AND ${SCOPE}
  RETURNING 1
), dropped AS (
  UPDATE jobs SET state = 'dropped', last_error = $4, updated_at = $5
  WHERE state = 'pending' AND ${SCOPE}
  RETURNING 1
)
SELECT (SELECT COUNT(*) FROM paused)::int AS paused`;

export function createPgSubscriptionMethods({ pool }: PgStoreDeps): SubscriptionMethods {
  const many = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<SubscriptionRow>(sql, params);
    return rows.map(toSubscription);
  };

  return {
    async upsertSubscription(sub) {
      const events = [...new Set(sub.events)];
      const params = [
        sub.teamId,
        sub.channelId,
        sub.projectId,
        sub.hookId,
        events,
        sub.createdBy,
        Date.now(),
      ];
      const { rows } = await pool.query<SubscriptionRow & { created: boolean }>(UPSERT, params);
      const row = rows[0]!;
      return { created: row.created, subscription: toSubscription(row) };
    },
    async deleteSubscription(teamId, channelId, projectId) {
      return (
        await many(`DELETE FROM subscriptions WHERE ${KEY} RETURNING *`, [teamId, channelId, projectId])
      )[0];
    },
    async getSubscription(teamId, channelId, projectId) {
      return (await many(`SELECT * FROM subscriptions WHERE ${KEY}`, [teamId, channelId, projectId]))[0];
    },
    listSubscriptions: ({ teamId, channelId }) =>
      channelId === undefined
        ? many(
            'SELECT * FROM subscriptions WHERE team_id = $1 ORDER BY channel_id COLLATE "C", project_id COLLATE "C"',
            [teamId],
          )
        : many(
            'SELECT * FROM subscriptions WHERE team_id = $1 AND channel_id = $2 ORDER BY project_id COLLATE "C"',
            [teamId, channelId],
          ),
    async countSubscriptionsForHook(hookId) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT COUNT(*)::int AS n FROM subscriptions WHERE hook_id = $1',
        [hookId],
      );
      return rows[0]?.n ?? 0;
    },
    async pauseSubscriptions(scope, reason) {
      const params = [scope.teamId, scope.channelId ?? null, scope.projectId ?? null, reason, Date.now()];
      const { rows } = await pool.query<{ paused: number }>(PAUSE, params);
      return rows[0]?.paused ?? 0;
    },
  };
}
