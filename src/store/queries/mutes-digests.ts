import type { Db } from '../schema.js';
import type { SignalTables } from '../signal-schema.js';
import type { DigestSetting, Mute, SignalStore } from '../signal-types.js';
import { insertNotice } from './notices.js';

type MuteRow = SignalTables['mutes'];
type DigestRow = SignalTables['digests'];

const toMute = (r: MuteRow): Mute => ({
  teamId: r.team_id,
  channelId: r.channel_id,
  target: r.target,
  mutedAt: Number(r.muted_at),
  until: Number(r.until),
  createdBy: r.created_by,
});

const toDigest = (r: DigestRow): DigestSetting => ({
  teamId: r.team_id,
  channelId: r.channel_id,
  time: r.time,
  timeZone: r.time_zone,
  createdBy: r.created_by,
  updatedAt: Number(r.updated_at),
});

type MuteDigestMethods = Pick<
  SignalStore,
  | 'setMute'
  | 'listMutes'
  | 'listEndedMutes'
  | 'endMute'
  | 'setDigest'
  | 'deleteDigest'
  | 'getDigest'
  | 'listDigests'
>;

export function createMuteDigestQueries(db: Db): MuteDigestMethods {
  return {
    async setMute(m) {
      const row = await db
        .insertInto('mutes')
        .values({
          team_id: m.teamId,
          channel_id: m.channelId,
          target: m.target,
          muted_at: m.mutedAt,
          until: m.until,
          created_by: m.createdBy,
        })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'target']).doUpdateSet({ until: m.until }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMute(row);
    },
    async listMutes(filter) {
      let q = db.selectFrom('mutes').selectAll().where('team_id', '=', filter.teamId);
      if (filter.channelId !== undefined) q = q.where('channel_id', '=', filter.channelId);
      return (await q.orderBy('channel_id').orderBy('target').execute()).map(toMute);
    },
    async listEndedMutes(now, limit) {
      const rows = await db
        .selectFrom('mutes')
        .selectAll()
        .where('until', '<=', now)
        .orderBy('until')
        .limit(limit)
        .execute();
      return rows.map(toMute);
    },
    endMute(m, summary) {
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('mutes')
          .where('team_id', '=', m.teamId)
          .where('channel_id', '=', m.channelId)
          .where('target', '=', m.target)
          .where('muted_at', '=', m.mutedAt)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) return false;
        await insertNotice(trx, summary);
        return true;
      });
    },
    async setDigest(d) {
      const values = {
        time: d.time,
        time_zone: d.timeZone,
        created_by: d.createdBy,
        updated_at: d.updatedAt,
      };
      await db
        .insertInto('digests')
        .values({ team_id: d.teamId, channel_id: d.channelId, ...values })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id']).doUpdateSet(values))
        .execute();
    },
    async deleteDigest(teamId, channelId) {
      const r = await db
        .deleteFrom('digests')
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async getDigest(teamId, channelId) {
      const row = await db
        .selectFrom('digests')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row && toDigest(row);
    },
    async listDigests() {
      return (
        await db.selectFrom('digests').selectAll().orderBy('team_id').orderBy('channel_id').execute()
      ).map(toDigest);
    },
  };
}
