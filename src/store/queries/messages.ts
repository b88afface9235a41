import { byText, camel, snake } from '../rows.js';
import type { Db } from '../schema.js';
import type { MessageStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

const KEY = ['teamId', 'channelId', 'deploymentId'] as const;
const FIELDS = ['ts', 'shownStatus', 'shownHash', 'repliedStatus'] as const;
const byChannel = byText<{ channelId: string }>((r) => r.channelId);

export function createMessageQueries(db: Db): MessageStore {
  const get = prepared(KEY, (v) => db.selectFrom('messages').selectAll().where(matches(v)));
  // One statement per set of fields given: a field given (even as null) replaces the stored value,
  // a field left undefined keeps it.
  const save = (given: readonly (typeof FIELDS)[number][]) =>
    prepared([...KEY, ...FIELDS, 'updatedAt'], (v) =>
      db
        .insertInto('messages')
        .values(snake(v))
        .onConflict((oc) =>
          oc.columns(['team_id', 'channel_id', 'deployment_id']).doUpdateSet({
            ...snake(Object.fromEntries(given.map((f) => [f, v[f]]))),
            updated_at: v.updatedAt,
          }),
        ),
    );
  const saves = new Map<string, ReturnType<typeof save>>();
  return {
    async getMessage(teamId, channelId, deploymentId) {
      const row = (await db.executeQuery(get({ teamId, channelId, deploymentId }))).rows[0];
      return row && camel(row);
    },
    async saveMessage(rec) {
      const given = FIELDS.filter((f) => rec[f] !== undefined);
      const query = saves.get(given.join()) ?? save(given);
      saves.set(given.join(), query);
      const values = Object.fromEntries([...KEY, ...FIELDS].map((f) => [f, rec[f] ?? null]));
      await db.executeQuery(query({ ...values, updatedAt: Date.now() } as Record<string, unknown>));
    },
    async lastDeliveries(teamId) {
      const rows = await db
        .selectFrom('messages')
        .select((eb) => ['channel_id', eb.fn.max('updated_at').as('updatedAt')])
        .where('team_id', '=', teamId)
        .groupBy('channel_id')
        .execute();
      const last = rows.map((r) => ({ channelId: r.channel_id, updatedAt: Number(r.updatedAt) }));
      return last.sort((a, b) => b.updatedAt - a.updatedAt || byChannel(a, b));
    },
  };
}
