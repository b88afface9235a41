import type { JobKey, QueueMethods } from '../types.js';
import { createPgClaimJobs } from './claim-jobs.js';
import type { PgStoreDeps } from './deps.js';

/** $1-$3 identify the job, $4 is the caller; only the lease owner may change it. */
const MINE = 'team_id = $1 AND channel_id = $2 AND deployment_id = $3 AND lease_owner = $4';
const IF_CURRENT = `version = $5 AND state = 'pending'`;

const COMPLETE = `UPDATE jobs SET state = CASE WHEN ${IF_CURRENT} THEN 'done' ELSE state END,
    attempts = CASE WHEN ${IF_CURRENT} THEN 0 ELSE attempts END,
    last_error = CASE WHEN ${IF_CURRENT} THEN NULL ELSE last_error END,
    lease_owner = NULL, lease_until = NULL, updated_at = $6
  WHERE ${MINE}`;

const RETRY = `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, next_attempt_at = $5,
    last_error = $6, attempts = attempts + $7, updated_at = $8
  WHERE ${MINE}`;

const DROP = `UPDATE jobs SET state = 'dropped', last_error = $5, lease_owner = NULL, lease_until = NULL,
    updated_at = $6
  WHERE ${MINE}`;

const RENEW = `UPDATE jobs SET lease_until = $2
  WHERE state = 'pending' AND lease_until IS NOT NULL AND lease_owner = $1`;

// A hold only ever grows: a shorter Retry-After never releases a workspace early.
const HOLD = `INSERT INTO workspace_holds (team_id, until) VALUES ($1, $2)
  ON CONFLICT (team_id) DO UPDATE SET until = GREATEST(workspace_holds.until, EXCLUDED.until)`;

export function createPgQueueMethods({ pool }: PgStoreDeps): QueueMethods {
  const key = (job: JobKey, owner: string) => [job.teamId, job.channelId, job.deploymentId, owner];

  return {
    claimJobs: createPgClaimJobs(pool),
    async renewLeases(owner, until) {
      return (await pool.query(RENEW, [owner, until])).rowCount ?? 0;
    },
    async completeJob(job, owner, version) {
      await pool.query(COMPLETE, [...key(job, owner), version, Date.now()]);
    },
    async retryJob(job, owner, nextAttemptAt, error, countAttempt) {
      await pool.query(RETRY, [...key(job, owner), nextAttemptAt, error, countAttempt ? 1 : 0, Date.now()]);
    },
    async dropJob(job, owner, reason) {
      await pool.query(DROP, [...key(job, owner), reason, Date.now()]);
    },
    async queueStats(now) {
      const { rows } = await pool.query<{ depth: number; oldest: number | null }>(
        `SELECT COUNT(*)::int AS depth, MIN(enqueued_at) AS oldest FROM jobs WHERE state = 'pending'`,
      );
      const oldest = rows[0]?.oldest ?? null;
      return { depth: rows[0]?.depth ?? 0, oldestAgeMs: oldest === null ? 0 : Math.max(0, now - oldest) };
    },
    async holdWorkspace(teamId, until) {
      await pool.query(HOLD, [teamId, until]);
    },
    async getWorkspaceHold(teamId) {
      const { rows } = await pool.query<{ until: number }>(
        'SELECT until FROM workspace_holds WHERE team_id = $1',
        [teamId],
      );
      return rows[0]?.until ?? 0;
    },
  };
}
