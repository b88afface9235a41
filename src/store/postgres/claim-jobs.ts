import { type JobRow, toDeliveryJob } from '../rows.js';
import type { DeliveryJob } from '../types.js';
import { type PgPool, withTransaction } from './pool.js';

/** Due for `j` at $1 (now): pending, scheduled, lease free or expired, workspace not on hold. */
const DUE = `j.state = 'pending' AND j.next_attempt_at <= $1
  AND (j.lease_until IS NULL OR j.lease_until < $1)
  AND NOT EXISTS (SELECT 1 FROM workspace_holds h WHERE h.team_id = j.team_id AND h.until > $1)
  AND NOT EXISTS (SELECT 1 FROM jobs l WHERE l.team_id = j.team_id AND l.channel_id = j.channel_id
                    AND l.state = 'pending' AND l.lease_until >= $1)`;

/**
 * The oldest due job of each channel, oldest first, stopping at $2 channels. A channel is taken
 * only when this transaction gets its advisory lock, so two instances claiming at once never
 * both lease a job of one channel (the lock is evaluated row by row, after the sort).
 */
const PICK = `
SELECT team_id, channel_id, deployment_id FROM (
  SELECT * FROM (
    SELECT DISTINCT ON (j.team_id, j.channel_id) j.team_id, j.channel_id, j.deployment_id,
      j.next_attempt_at, j.enqueued_at
    FROM jobs j WHERE ${DUE}
    ORDER BY j.team_id, j.channel_id, j.next_attempt_at, j.enqueued_at, j.deployment_id COLLATE "C"
  ) first_per_channel
  ORDER BY next_attempt_at, team_id COLLATE "C", channel_id COLLATE "C"
) due
WHERE pg_try_advisory_xact_lock(hashtext('sota-slack.channel'), hashtext(team_id || chr(31) || channel_id))
LIMIT $2`;

/**
 * Leases the picked jobs. Runs as a new statement after the channel locks are held, so its
 * snapshot sees every lease committed by others before: the due check is repeated against it,
 * and rows another transaction is changing right now are skipped, not waited for.
 */
const LEASE = `
UPDATE jobs AS t SET lease_owner = $2, lease_until = $3, updated_at = $1
FROM (
  SELECT j.team_id, j.channel_id, j.deployment_id FROM jobs j
  JOIN unnest($4::text[], $5::text[], $6::text[]) AS p (team_id, channel_id, deployment_id)
    ON p.team_id = j.team_id AND p.channel_id = j.channel_id AND p.deployment_id = j.deployment_id
  WHERE ${DUE}
  FOR UPDATE OF j SKIP LOCKED
) c
WHERE t.team_id = c.team_id AND t.channel_id = c.channel_id AND t.deployment_id = c.deployment_id
RETURNING t.*`;

type Key = { team_id: string; channel_id: string; deployment_id: string };

export function createPgClaimJobs(pool: PgPool) {
  return async function claimJobs(
    owner: string,
    now: number,
    leaseMs: number,
    limit: number,
  ): Promise<DeliveryJob[]> {
    const max = Math.max(0, Math.trunc(limit));
    if (max === 0) return [];
    const rows = await withTransaction(pool, async (client) => {
      const picked = await client.query<Key>(PICK, [now, max]);
      if (picked.rows.length === 0) return [];
      const column = (name: keyof Key) => picked.rows.map((row) => row[name]);
      const params = [
        now,
        owner,
        now + leaseMs,
        column('team_id'),
        column('channel_id'),
        column('deployment_id'),
      ];
      return (await client.query<JobRow>(LEASE, params)).rows;
    });
    return rows.sort(byDueThenChannel).map(toDeliveryJob);
  };
}

function byDueThenChannel(a: JobRow, b: JobRow): number {
  const due = (a.next_attempt_at ?? 0) - (b.next_attempt_at ?? 0);
  if (due !== 0) return due;
  const team = compare(a.team_id, b.team_id);
  return team !== 0 ? team : compare(a.channel_id, b.channel_id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
