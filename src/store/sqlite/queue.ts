import { toDeliveryJob as fromRow, type JobRow } from '../rows.js';
import type { JobKey, QueueMethods } from '../types.js';
import { createStatements, type Db } from './statements.js';

// The next channel after c (by team, then channel) that has a pending job: one index seek each.
const NEXT_CHANNEL = (column: 'team_id' | 'channel_id') => `COALESCE(
    (SELECT n.${column} FROM jobs n
     WHERE n.state = 'pending' AND n.team_id = c.team_id AND n.channel_id > c.channel_id
     ORDER BY n.channel_id LIMIT 1),
    (SELECT n.${column} FROM jobs n
     WHERE n.state = 'pending' AND n.team_id = (SELECT m.team_id FROM jobs m
       WHERE m.state = 'pending' AND m.team_id > c.team_id ORDER BY m.team_id LIMIT 1)
     ORDER BY n.channel_id LIMIT 1))`;

// Due jobs, the oldest per channel only, skipping held workspaces and channels someone is
// already working on (a live lease), so each channel is served in order and at its own pace.
// It visits each channel with pending jobs once through jobs_pending_channel (a skip scan), so a
// claim costs a few index seeks per channel however long the backlog of one channel grows.
const DUE = `
WITH RECURSIVE channels (team_id, channel_id) AS (
  SELECT * FROM (SELECT team_id, channel_id FROM jobs WHERE state = 'pending'
                 ORDER BY team_id, channel_id LIMIT 1)
  UNION ALL
  SELECT ${NEXT_CHANNEL('team_id')}, ${NEXT_CHANNEL('channel_id')}
  FROM channels c WHERE c.team_id IS NOT NULL
),
heads AS MATERIALIZED (
  SELECT c.team_id, c.channel_id,
    (SELECT j.deployment_id FROM jobs j
     WHERE j.state = 'pending' AND j.team_id = c.team_id AND j.channel_id = c.channel_id
       AND j.next_attempt_at <= @now
     ORDER BY j.next_attempt_at, j.enqueued_at, j.deployment_id LIMIT 1) AS deployment_id,
    (SELECT MIN(j.next_attempt_at) FROM jobs j
     WHERE j.state = 'pending' AND j.team_id = c.team_id AND j.channel_id = c.channel_id) AS next_attempt_at
  FROM channels c
  WHERE c.team_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM workspace_holds h WHERE h.team_id = c.team_id AND h.until > @now)
    AND NOT EXISTS (SELECT 1 FROM jobs l WHERE l.team_id = c.team_id AND l.channel_id = c.channel_id
                      AND l.state = 'pending' AND l.lease_until IS NOT NULL AND l.lease_until >= @now)
)
SELECT team_id, channel_id, deployment_id FROM heads WHERE deployment_id IS NOT NULL
ORDER BY next_attempt_at, team_id, channel_id`;

const KEY = 'team_id = @teamId AND channel_id = @channelId AND deployment_id = @deploymentId';
const IF_CURRENT = `version = @version AND state = 'pending'`;

/**
 * Frees every lease in the file. Only the owner of the file calls it, right after opening it: any
 * lease found then was left by a process that ended without giving its jobs back (a crash).
 */
export function releaseLeftLeases(db: Db): number {
  return db
    .prepare(
      `UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE state = 'pending' AND lease_until IS NOT NULL`,
    )
    .run().changes;
}

export function createQueueMethods(db: Db): QueueMethods {
  const q = createStatements(db, {
    due: DUE,
    lease: `UPDATE jobs SET lease_owner = @owner, lease_until = @until, updated_at = @now
            WHERE team_id = @team_id AND channel_id = @channel_id AND deployment_id = @deployment_id
            RETURNING *`,
    complete: `UPDATE jobs SET state = CASE WHEN ${IF_CURRENT} THEN 'done' ELSE state END,
                 attempts = CASE WHEN ${IF_CURRENT} THEN 0 ELSE attempts END,
                 last_error = CASE WHEN ${IF_CURRENT} THEN NULL ELSE last_error END,
                 lease_owner = NULL, lease_until = NULL, updated_at = @now
               WHERE ${KEY} AND lease_owner = @owner`,
    retry: `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, next_attempt_at = @nextAttemptAt,
              last_error = @error, attempts = attempts + @count, updated_at = @now
            WHERE ${KEY} AND lease_owner = @owner`,
    drop: `UPDATE jobs SET state = 'dropped', last_error = @reason, lease_owner = NULL, lease_until = NULL,
             updated_at = @now
           WHERE ${KEY} AND lease_owner = @owner`,
    renew: `UPDATE jobs SET lease_until = @until
            WHERE state = 'pending' AND lease_until IS NOT NULL AND lease_owner = @owner`,
    stats: `SELECT COUNT(*) AS depth, MIN(enqueued_at) AS oldest FROM jobs WHERE state = 'pending'`,
    hold: `INSERT INTO workspace_holds (team_id, until) VALUES (?, ?)
           ON CONFLICT (team_id) DO UPDATE SET until = MAX(until, excluded.until)`,
    getHold: 'SELECT until FROM workspace_holds WHERE team_id = ?',
  });

  const claim = db.transaction((owner: string, now: number, leaseMs: number, limit: number) => {
    // The limit is applied here: a bound LIMIT makes SQLite plan this query far slower (100 µs
    // instead of 7 µs for one channel), and the query visits every channel either way.
    const keys = q.due.all({ now }).slice(0, Math.max(0, Math.trunc(limit)));
    const until = now + leaseMs;
    return keys.map((key) => fromRow(q.lease.get({ ...(key as object), owner, until, now }) as JobRow));
  });

  const key = (job: JobKey) => ({
    teamId: job.teamId,
    channelId: job.channelId,
    deploymentId: job.deploymentId,
  });

  return {
    claimJobs: async (owner, now, leaseMs, limit) => claim.immediate(owner, now, leaseMs, limit),
    renewLeases: async (owner, until) => q.renew.run({ owner, until }).changes,
    async completeJob(job, owner, version) {
      q.complete.run({ ...key(job), owner, version, now: Date.now() });
    },
    async retryJob(job, owner, nextAttemptAt, error, countAttempt) {
      q.retry.run({ ...key(job), owner, nextAttemptAt, error, count: countAttempt ? 1 : 0, now: Date.now() });
    },
    async dropJob(job, owner, reason) {
      q.drop.run({ ...key(job), owner, reason, now: Date.now() });
    },
    async queueStats(now) {
      const row = q.stats.get() as { depth: number; oldest: number | null };
      return { depth: row.depth, oldestAgeMs: row.oldest === null ? 0 : Math.max(0, now - row.oldest) };
    },
    async holdWorkspace(teamId, until) {
      q.hold.run(teamId, until);
    },
    async getWorkspaceHold(teamId) {
      return (q.getHold.get(teamId) as { until: number } | undefined)?.until ?? 0;
    },
  };
}
