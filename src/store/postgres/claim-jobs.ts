import { sql } from '../kysely.js';
import { byText, type Row, toDeliveryJob } from '../rows.js';
import type { Db } from '../schema.js';
import type { DeliveryJob } from '../types.js';

// PostgreSQL's claim: several instances claim at once, so rows are taken with FOR UPDATE SKIP
// LOCKED and channels with advisory locks (SQLite has one writer, see sqlite/claim-jobs.ts).

/** Due for `j` at `now`: pending, scheduled, lease free or expired, workspace not on hold. */
const due = (now: number) => sql`j.state = 'pending' AND j.next_attempt_at <= ${now}
  AND (j.lease_until IS NULL OR j.lease_until < ${now})
  AND NOT EXISTS (SELECT 1 FROM workspace_holds h WHERE h.team_id = j.team_id AND h.until > ${now})
  AND NOT EXISTS (SELECT 1 FROM jobs l WHERE l.team_id = j.team_id AND l.channel_id = j.channel_id
                    AND l.state = 'pending' AND l.lease_until >= ${now})`;

type Key = { team_id: string; channel_id: string; deployment_id: string };
const byChannel = byText<Key>(
  (k) => k.team_id,
  (k) => k.channel_id,
);

/**
 * The oldest due job of each channel, oldest first, stopping at `limit` channels. A channel is
 * taken only when this transaction gets its advisory lock, so two instances claiming at once never
 * both lease a job of one channel (the lock is evaluated row by row, after the sort). Locks are
 * per schema: stores in other schemas of the database never hold up each other's channels.
 */
const pick = (now: number, limit: number) => sql<Key>`
SELECT team_id, channel_id, deployment_id FROM (
  SELECT * FROM (
    SELECT DISTINCT ON (j.team_id, j.channel_id) j.team_id, j.channel_id, j.deployment_id,
      j.next_attempt_at, j.enqueued_at
    FROM jobs j WHERE ${due(now)}
    ORDER BY j.team_id, j.channel_id, j.next_attempt_at, j.enqueued_at, j.deployment_id COLLATE "C"
  ) first_per_channel
  ORDER BY next_attempt_at, team_id COLLATE "C", channel_id COLLATE "C"
) due
WHERE pg_try_advisory_xact_lock(hashtext('sota-slack.channel.' || current_schema()),
  hashtext(team_id || chr(31) || channel_id))
LIMIT ${limit}`;

/**
 * Leases the picked jobs. Runs as a new statement after the channel locks are held, so its
 * snapshot sees every lease committed by others before: the due check is repeated against it,
 * and rows another transaction is changing right now are skipped, not waited for.
 */
const lease = (now: number, owner: string, until: number, keys: Key[]) => {
  const column = (name: keyof Key) => keys.map((key) => key[name]);
  return sql<Row<'jobs'>>`
UPDATE jobs AS t SET lease_owner = ${owner}, lease_until = ${until}, updated_at = ${now}
FROM (
  SELECT j.team_id, j.channel_id, j.deployment_id FROM jobs j
  JOIN unnest(${column('team_id')}::text[], ${column('channel_id')}::text[], ${column('deployment_id')}::text[])
    AS p (team_id, channel_id, deployment_id)
    ON p.team_id = j.team_id AND p.channel_id = j.channel_id AND p.deployment_id = j.deployment_id
  WHERE ${due(now)}
  FOR UPDATE OF j SKIP LOCKED
) c
WHERE t.team_id = c.team_id AND t.channel_id = c.channel_id AND t.deployment_id = c.deployment_id
RETURNING t.*`;
};

export function createPgClaimJobs(db: Db) {
  return async (owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]> => {
    const max = Math.max(0, Math.trunc(limit));
    if (max === 0) return [];
    const rows = await db.transaction().execute(async (trx) => {
      const picked = (await pick(now, max).execute(trx)).rows;
      if (picked.length === 0) return [];
      return (await lease(now, owner, now + leaseMs, picked).execute(trx)).rows;
    });
    return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || byChannel(a, b)).map(toDeliveryJob);
  };
}
