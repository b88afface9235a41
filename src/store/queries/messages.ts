import { byText, toMessage } from '../rows.js';
import type { Db } from '../schema.js';
import type { MessageStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

/** The optional fields: `field` in the record, `column` in the row. */
const FIELDS = [
  ['ts', 'ts'],
  ['shownStatus', 'shown_status'],
  ['shownHash', 'shown_hash'],
  ['repliedStatus', 'replied_status'],
] as const;

export function createMessageQueries(db: Db): MessageStore {
  const get = prepared(['teamId', 'channelId', 'deploymentId'], (v) =>
    db.selectFrom('messages').selectAll().where(matches(v)),
  );
  return {
    async getMessage(teamId, channelId, deploymentId) {
      const row = (await db.executeQuery(get({ teamId, channelId, deploymentId }))).rows[0];
      return row && toMessage(row);
    },
    // A field given (even as null) replaces the stored value; a field left undefined keeps it.
    async saveMessage(rec) {
      const updated_at = Date.now();
      const given = Object.fromEntries(
        FIELDS.filter(([field]) => rec[field] !== undefined).map(([field, column]) => [column, rec[field]]),
      );
      await db
        .insertInto('messages')
        .values({
          team_id: rec.teamId,
          channel_id: rec.channelId,
          deployment_id: rec.deploymentId,
          ...Object.fromEntries(FIELDS.map(([field, column]) => [column, rec[field] ?? null])),
          updated_at,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'channel_id', 'deployment_id']).doUpdateSet({ ...given, updated_at }),
        )
        .execute();
    },
    async lastDeliveries(teamId) {
      const rows = await db
        .selectFrom('messages')
        .select((eb) => ['channel_id', eb.fn.max('updated_at').as('updatedAt')])
        .where('team_id', '=', teamId)
        .groupBy('channel_id')
        .execute();
      const last = rows.map((r) => ({ channelId: r.channel_id, updatedAt: Number(r.updatedAt) }));
      const byChannel = byText<{ channelId: string }>((r) => r.channelId);
      return last.sort((a, b) => b.updatedAt - a.updatedAt || byChannel(a, b));
    },
  };
}
