import type BetterSqlite3 from 'better-sqlite3';
import { sql } from '../kysely.js';
import { matches } from '../queries/matches.js';
import { type Row, toDeliveryJob } from '../rows.js';
import type { Db } from '../schema.js';
import type { DeliveryJob } from '../types.js';
import { rawStatement } from './raw-statement.js';

// SQLite's claim: one writer, so no row locks; it seeks each channel's head through an index
// skip scan instead (PostgreSQL claims with SKIP LOCKED, see postgres/claim-jobs.ts).

// Due jobs, the oldest per channel only, skipping held workspaces and channels someone is
// already working on (a live lease), so each channel is served in order and at its own pace.
// jobs_pending_channel is ordered by channel and then as a channel is served, so the first
// pending row after channel c in that index is the head of the next channel: the walk costs one
// index seek per channel with pending jobs, however long one channel's backlog grows.
interface DueHead {
  team_id: string;
  channel_id: string;
  deployment_id: string;
}

const due = (now: number) => sql<DueHead>`
WITH RECURSIVE heads (team_id, channel_id, next_attempt_at, deployment_id) AS (
  SELECT * FROM (SELECT team_id, channel_id, next_attempt_at, deployment_id FROM jobs
                 WHERE state = 'pending'
                 ORDER BY team_id, channel_id, next_attempt_at, enqueued_at, deployment_id LIMIT 1)
  UNION ALL
  SELECT n.team_id, n.channel_id, n.next_attempt_at, n.deployment_id
  FROM heads h JOIN jobs n ON n.rowid = COALESCE(
    (SELECT m.rowid FROM jobs m
     WHERE m.state = 'pending' AND m.team_id = h.team_id AND m.channel_id > h.channel_id
     ORDER BY m.channel_id, m.next_attempt_at, m.enqueued_at, m.deployment_id LIMIT 1),
    (SELECT m.rowid FROM jobs m
     WHERE m.state = 'pending' AND m.team_id > h.team_id
     ORDER BY m.team_id, m.channel_id, m.next_attempt_at, m.enqueued_at, m.deployment_id LIMIT 1))
)
SELECT team_id, channel_id, deployment_id FROM heads h
WHERE h.next_attempt_at <= ${now}
  AND NOT EXISTS (SELECT 1 FROM workspace_holds w WHERE w.team_id = h.team_id AND w.until > ${now})
  AND NOT EXISTS (SELECT 1 FROM jobs l WHERE l.team_id = h.team_id AND l.channel_id = h.channel_id
                    AND l.state = 'pending' AND l.lease_until IS NOT NULL AND l.lease_until >= ${now})
ORDER BY h.next_attempt_at, h.team_id, h.channel_id`;

export function createSqliteClaimJobs(raw: BetterSqlite3.Database, db: Db) {
  const dueHeads = rawStatement(raw, ['now'], (v) => ({ compile: () => due(v.now).compile(db) }));
  const lease = rawStatement(raw, ['teamId', 'channelId', 'deploymentId', 'owner', 'until', 'now'], (v) =>
    db
      .updateTable('jobs')
      .set({ lease_owner: v.owner, lease_until: v.until, updated_at: v.now })
      .where(matches({ teamId: v.teamId, channelId: v.channelId, deploymentId: v.deploymentId }))
      .returningAll(),
  );
  // The whole claim runs synchronously in one transaction while it holds the one connection, so a
  // claim never keeps the group commit of the webhooks waiting across awaits.
  const claim = raw.transaction((owner: string, now: number, leaseMs: number, limit: number) => {
    // The limit is applied here: a bound LIMIT makes SQLite plan this query far slower (100 µs
    // instead of 7 µs for one channel), and the query visits every channel either way.
    const heads = dueHeads.all<DueHead>({ now }).slice(0, Math.max(0, Math.trunc(limit)));
    return heads.map((key) => {
      const job = { teamId: key.team_id, channelId: key.channel_id, deploymentId: key.deployment_id };
      const [row] = lease.all<Row<'jobs'>>({ ...job, owner, until: now + leaseMs, now });
      return toDeliveryJob(row!);
    });
  });
  return (owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]> =>
    db.connection().execute(async () => claim.immediate(owner, now, leaseMs, limit));
}
