import { sql } from 'kysely';
import { matches } from '../queries/matches.js';
import { prepared } from '../queries/prepared.js';
import { toDeliveryJob } from '../rows.js';
import type { Db } from '../schema.js';
import type { DeliveryJob } from '../types.js';

// SQLite's claim: one writer, so no row locks; it seeks each channel's head through an index
// skip scan instead (PostgreSQL claims with SKIP LOCKED, see postgres/claim-jobs.ts).

// The next channel after c (by team, then channel) that has a pending job: one index seek each.
const nextChannel = (column: 'team_id' | 'channel_id') =>
  sql.raw(`COALESCE(
    (SELECT n.${column} FROM jobs n
     WHERE n.state = 'pending' AND n.team_id = c.team_id AND n.channel_id > c.channel_id
     ORDER BY n.channel_id LIMIT 1),
    (SELECT n.${column} FROM jobs n
     WHERE n.state = 'pending' AND n.team_id = (SELECT m.team_id FROM jobs m
       WHERE m.state = 'pending' AND m.team_id > c.team_id ORDER BY m.team_id LIMIT 1)
     ORDER BY n.channel_id LIMIT 1))`);

// Due jobs, the oldest per channel only, skipping held workspaces and channels someone is
// already working on (a live lease), so each channel is served in order and at its own pace.
// It visits each channel with pending jobs once through jobs_pending_channel (a skip scan), so a
// claim costs a few index seeks per channel however long the backlog of one channel grows.
const due = (now: number) => sql<{ team_id: string; channel_id: string; deployment_id: string }>`
WITH RECURSIVE channels (team_id, channel_id) AS (
  SELECT * FROM (SELECT team_id, channel_id FROM jobs WHERE state = 'pending'
                 ORDER BY team_id, channel_id LIMIT 1)
  UNION ALL
  SELECT ${nextChannel('team_id')}, ${nextChannel('channel_id')}
  FROM channels c WHERE c.team_id IS NOT NULL
),
heads AS MATERIALIZED (
  SELECT c.team_id, c.channel_id,
    (SELECT j.deployment_id FROM jobs j
     WHERE j.state = 'pending' AND j.team_id = c.team_id AND j.channel_id = c.channel_id
       AND j.next_attempt_at <= ${now}
     ORDER BY j.next_attempt_at, j.enqueued_at, j.deployment_id LIMIT 1) AS deployment_id,
    (SELECT MIN(j.next_attempt_at) FROM jobs j
     WHERE j.state = 'pending' AND j.team_id = c.team_id AND j.channel_id = c.channel_id) AS next_attempt_at
  FROM channels c
  WHERE c.team_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM workspace_holds h WHERE h.team_id = c.team_id AND h.until > ${now})
    AND NOT EXISTS (SELECT 1 FROM jobs l WHERE l.team_id = c.team_id AND l.channel_id = c.channel_id
                      AND l.state = 'pending' AND l.lease_until IS NOT NULL AND l.lease_until >= ${now})
)
SELECT team_id, channel_id, deployment_id FROM heads WHERE deployment_id IS NOT NULL
ORDER BY next_attempt_at, team_id, channel_id`;

export function createSqliteClaimJobs(db: Db) {
  const lease = prepared(['teamId', 'channelId', 'deploymentId', 'owner', 'until', 'now'], (v) =>
    db
      .updateTable('jobs')
      .set({ lease_owner: v.owner, lease_until: v.until, updated_at: v.now })
      .where(matches({ teamId: v.teamId, channelId: v.channelId, deploymentId: v.deploymentId }))
      .returningAll(),
  );
  return (owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]> =>
    db.transaction().execute(async (trx) => {
      // The limit is applied here: a bound LIMIT makes SQLite plan this query far slower (100 µs
      // instead of 7 µs for one channel), and the query visits every channel either way.
      const { rows } = await due(now).execute(trx);
      const jobs: DeliveryJob[] = [];
      for (const key of rows.slice(0, Math.max(0, Math.trunc(limit)))) {
        const job = { teamId: key.team_id, channelId: key.channel_id, deploymentId: key.deployment_id };
        const { rows } = await trx.executeQuery(lease({ ...job, owner, until: now + leaseMs, now }));
        jobs.push(toDeliveryJob(rows[0]!));
      }
      return jobs;
    });
}
