import type { Db } from '../schema.js';
import type { NewNotice, Notice, SignalStore } from '../signal-types.js';

type NoticeRow = SignalTablesRow;
type SignalTablesRow = {
  key: string;
  team_id: string;
  channel_id: string;
  kind: Notice['kind'];
  message: string | null;
  state: Notice['state'];
  attempts: number;
  ts: string | null;
  last_error: string | null;
  created_at: number;
};

const toNotice = (r: NoticeRow): Notice => ({
  key: r.key,
  teamId: r.team_id,
  channelId: r.channel_id,
  kind: r.kind,
  message: r.message === null ? null : (JSON.parse(r.message) as Notice['message']),
  state: r.state,
  attempts: Number(r.attempts),
  ts: r.ts,
  lastError: r.last_error,
  createdAt: Number(r.created_at),
});

/** Inserts a notice unless its key exists; true when inserted (the claim was ours). */
export async function insertNotice(db: Db, n: NewNotice): Promise<boolean> {
  const result = await db
    .insertInto('notices')
    .values({
      key: n.key,
      team_id: n.teamId,
      channel_id: n.channelId,
      kind: n.kind,
      message: n.message === null ? null : JSON.stringify(n.message),
      state: n.message === null ? 'skipped' : 'pending',
      attempts: 0,
      next_attempt_at: n.createdAt,
      created_at: n.createdAt,
      updated_at: n.createdAt,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

type NoticeMethods = Pick<
  SignalStore,
  'claimNotice' | 'getNotice' | 'leaseNotices' | 'finishNotice' | 'retryNotice'
>;

export function createNoticeQueries(db: Db): NoticeMethods {
  const mine = (key: string, owner: string) =>
    db
      .updateTable('notices')
      .where('key', '=', key)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'pending');
  return {
    claimNotice: (n) => insertNotice(db, n),
    async getNotice(key) {
      const row = await db.selectFrom('notices').selectAll().where('key', '=', key).executeTakeFirst();
      return row && toNotice(row);
    },
    // Each candidate is taken by one conditional update, so two instances never lease the same one.
    async leaseNotices(owner, now, leaseMs, limit) {
      const due = await db
        .selectFrom('notices')
        .select('key')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      const leased: Notice[] = [];
      for (const { key } of due) {
        const row = await db
          .updateTable('notices')
          .set({ lease_owner: owner, lease_until: now + leaseMs, updated_at: now })
          .where('key', '=', key)
          .where('state', '=', 'pending')
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .returningAll()
          .executeTakeFirst();
        if (row) leased.push(toNotice(row));
      }
      return leased;
    },
    async finishNotice(key, owner, result) {
      const done =
        'ts' in result
          ? { state: 'sent' as const, ts: result.ts }
          : { state: 'dropped' as const, last_error: result.error };
      await mine(key, owner)
        .set({ ...done, lease_owner: null, lease_until: null, updated_at: Date.now() })
        .execute();
    },
    async retryNotice(key, owner, nextAttemptAt, error) {
      await mine(key, owner)
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          next_attempt_at: nextAttemptAt,
          last_error: error,
          lease_owner: null,
          lease_until: null,
          updated_at: Date.now(),
        }))
        .execute();
    },
  };
}
