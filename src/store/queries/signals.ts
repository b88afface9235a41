import { sql } from '../kysely.js';
import { camel, type Row, snake } from '../rows.js';
import type { Db } from '../schema.js';
import type { NewNotice, Notice, SignalStore } from '../signal-types.js';
import { createHistoryQueries } from './history.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

function toNotice(row: Row<'notices'>): Notice {
  const { key, teamId, channelId, kind, state, attempts, ts, lastError, createdAt } = camel(row);
  const message = row.message === null ? null : (JSON.parse(row.message) as Notice['message']);
  return { key, teamId, channelId, kind, message, state, attempts, ts, lastError, createdAt };
}

/** Inserts a notice unless its key exists; true when inserted (the claim was ours). */
async function insertNotice(db: Db, n: NewNotice): Promise<boolean> {
  const result = await db
    .insertInto('notices')
    .values({
      ...snake({ key: n.key, teamId: n.teamId, channelId: n.channelId, kind: n.kind }),
      message: n.message === null ? null : JSON.stringify(n.message),
      state: n.message === null ? 'skipped' : 'pending',
      ...snake({ attempts: 0, nextAttemptAt: n.createdAt, createdAt: n.createdAt, updatedAt: n.createdAt }),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Mutes, digests, notices and the history reads. */
export function createSignalQueries(db: Db): SignalStore {
  const mutes = (scope: { teamId: string; channelId?: string }) =>
    db.selectFrom('mutes').selectAll().where(matches(scope)).orderBy('channel_id').orderBy('target');
  const channelMutes = prepared(['teamId', 'channelId'], mutes);
  const digest = (teamId: string, channelId: string) => matches({ teamId, channelId });
  // The lease of a notice: only its owner may finish or retry it.
  const mine = (key: string, owner: string) =>
    db.updateTable('notices').where(matches({ key, leaseOwner: owner, state: 'pending' }));
  const released = { lease_owner: null, lease_until: null };
  return {
    async setMute(m) {
      const { teamId, channelId, target, mutedAt, until, createdBy } = m;
      const row = await db
        .insertInto('mutes')
        .values(snake({ teamId, channelId, target, mutedAt, until, createdBy }))
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'target']).doUpdateSet({ until }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return camel(row);
    },
    async listMutes({ teamId, channelId }) {
      if (channelId === undefined) return (await mutes({ teamId }).execute()).map(camel);
      return (await db.executeQuery(channelMutes({ teamId, channelId }))).rows.map(camel);
    },
    async listEndedMutes(now, limit) {
      const q = db.selectFrom('mutes').selectAll().where('until', '<=', now).orderBy('until').limit(limit);
      return (await q.execute()).map(camel);
    },
    endMute: ({ teamId, channelId, target, mutedAt }, summary) =>
      db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('mutes')
          .where(matches({ teamId, channelId, target, mutedAt }))
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) return false;
        await insertNotice(trx, summary);
        return true;
      }),
    async setDigest({ teamId, channelId, ...setting }) {
      const { time, timeZone, createdBy, updatedAt } = setting;
      const values = snake({ time, timeZone, createdBy, updatedAt });
      await db
        .insertInto('digests')
        .values({ ...snake({ teamId, channelId }), ...values })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id']).doUpdateSet(values))
        .execute();
    },
    async deleteDigest(teamId, channelId) {
      const r = await db.deleteFrom('digests').where(digest(teamId, channelId)).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async getDigest(teamId, channelId) {
      const row = await db
        .selectFrom('digests')
        .selectAll()
        .where(digest(teamId, channelId))
        .executeTakeFirst();
      return row && camel(row);
    },
    async listDigests() {
      const digests = db.selectFrom('digests').selectAll();
      return (await digests.orderBy('team_id').orderBy('channel_id').execute()).map(camel);
    },

    claimNotice: (n) => insertNotice(db, n),
    async getNotice(key) {
      const row = await db.selectFrom('notices').selectAll().where('key', '=', key).executeTakeFirst();
      return row && toNotice(row);
    },
    // Each candidate is taken by one conditional update, so two instances never lease the same one.
    async leaseNotices(owner, now, leaseMs, limit) {
      const free = sql<boolean>`state = 'pending' AND (lease_until IS NULL OR lease_until < ${now})`;
      const due = db.selectFrom('notices').select('key').where(free).where('next_attempt_at', '<=', now);
      const leased: Notice[] = [];
      for (const { key } of await due.orderBy('next_attempt_at').limit(limit).execute()) {
        const row = await db
          .updateTable('notices')
          .set({ lease_owner: owner, lease_until: now + leaseMs, updated_at: now })
          .where('key', '=', key)
          .where(free)
          .returningAll()
          .executeTakeFirst();
        if (row) leased.push(toNotice(row));
      }
      return leased;
    },
    async finishNotice(key, owner, result) {
      const done = 'ts' in result ? { ts: result.ts } : { last_error: result.error };
      const state = 'ts' in result ? 'sent' : 'dropped';
      await mine(key, owner)
        .set({ state, ...done, ...released, updated_at: Date.now() })
        .execute();
    },
    async retryNotice(key, owner, nextAttemptAt, error) {
      await mine(key, owner)
        .set((eb) => ({
          ...{ attempts: eb('attempts', '+', 1), next_attempt_at: nextAttemptAt, last_error: error },
          ...released,
          updated_at: Date.now(),
        }))
        .execute();
    },
    ...createHistoryQueries(db),
  };
}
