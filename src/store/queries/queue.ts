import { sql } from '../kysely.js';
import type { Db } from '../schema.js';
import type { InboxStore, JobKey } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

const jobKey = ({ teamId, channelId, deploymentId }: JobKey): JobKey => ({ teamId, channelId, deploymentId });

type QueueQueries = Pick<
  InboxStore,
  'renewLeases' | 'completeJob' | 'retryJob' | 'dropJob' | 'queueStats' | 'holdWorkspace' | 'getWorkspaceHold'
>;

/** The leases `owner` holds on pending jobs (all leases when `owner` is undefined). */
const leases = (db: Db, owner?: string) =>
  db
    .updateTable('jobs')
    .where('state', '=', 'pending')
    .where('lease_until', 'is not', null)
    .where(matches({ leaseOwner: owner }));

/**
 * Frees every lease in the database. Only the one owner of a SQLite file calls it, right after
 * opening it: any lease found then was left by a process that ended without giving its jobs back.
 */
export async function releaseLeftLeases(db: Db): Promise<number> {
  const result = await leases(db).set({ lease_owner: null, lease_until: null }).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const KEY = ['teamId', 'channelId', 'deploymentId', 'owner', 'now'] as const;

export function createQueueQueries(db: Db): QueueQueries {
  /** The job, while `owner` still holds its lease: only the lease owner may change it. */
  const mine = (v: Record<(typeof KEY)[number], never>) =>
    db.updateTable('jobs').where(matches({ ...jobKey(v), leaseOwner: v.owner }));
  const released = { lease_owner: null, lease_until: null };
  // The queue's writes run for every job: each is compiled once (see prepared.ts).
  const renew = prepared(['owner', 'until'], (v) => leases(db, v.owner).set({ lease_until: v.until }));
  // Done only if no newer event arrived meanwhile; otherwise released to run again at once.
  const complete = prepared([...KEY, 'version'], (v) => {
    const current = sql<boolean>`version = ${v.version} AND state = 'pending'`;
    return mine(v).set({
      state: sql`CASE WHEN ${current} THEN 'done' ELSE state END`,
      attempts: sql`CASE WHEN ${current} THEN 0 ELSE attempts END`,
      last_error: sql`CASE WHEN ${current} THEN NULL ELSE last_error END`,
      ...released,
      updated_at: v.now,
    });
  });
  const retry = prepared([...KEY, 'nextAttemptAt', 'error', 'count'], (v) =>
    mine(v).set((eb) => ({
      ...released,
      next_attempt_at: v.nextAttemptAt,
      last_error: v.error,
      attempts: eb('attempts', '+', v.count),
      updated_at: v.now,
    })),
  );
  const drop = prepared([...KEY, 'reason'], (v) =>
    mine(v).set({ state: 'dropped', last_error: v.reason, ...released, updated_at: v.now }),
  );
  // Read before every Slack call of a job.
  const hold = prepared(['teamId'], (v) =>
    db.selectFrom('workspace_holds').select('until').where(matches(v)),
  );
  const key = (job: JobKey, owner: string) => ({ ...jobKey(job), owner, now: Date.now() });

  return {
    async renewLeases(owner, until) {
      return Number((await db.executeQuery(renew({ owner, until }))).numAffectedRows ?? 0);
    },
    async completeJob(job, owner, version) {
      await db.executeQuery(complete({ ...key(job, owner), version }));
    },
    async retryJob(job, owner, nextAttemptAt, error, countAttempt) {
      await db.executeQuery(retry({ ...key(job, owner), nextAttemptAt, error, count: countAttempt ? 1 : 0 }));
    },
    async dropJob(job, owner, reason) {
      await db.executeQuery(drop({ ...key(job, owner), reason }));
    },
    async queueStats(now) {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => [eb.fn.countAll().as('depth'), eb.fn.min('enqueued_at').as('oldest')])
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow();
      const oldest = row.oldest === null ? null : Number(row.oldest);
      return { depth: Number(row.depth), oldestAgeMs: oldest === null ? 0 : Math.max(0, now - oldest) };
    },
    // A hold only ever grows: a shorter Retry-After never releases a workspace early.
    async holdWorkspace(teamId, until) {
      await db
        .insertInto('workspace_holds')
        .values({ team_id: teamId, until })
        .onConflict((oc) =>
          oc.column('team_id').doUpdateSet({
            until: sql`CASE WHEN excluded.until > workspace_holds.until THEN excluded.until
              ELSE workspace_holds.until END`,
          }),
        )
        .execute();
    },
    getWorkspaceHold: async (teamId) => (await db.executeQuery(hold({ teamId }))).rows[0]?.until ?? 0,
  };
}
