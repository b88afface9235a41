import { byText, snake, toSubscription } from '../rows.js';
import type { Db } from '../schema.js';
import type { Subscription, SubscriptionStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

/** Subscriptions or jobs of a workspace, and of one channel or project when given. */
const inScope = ({ teamId, channelId, projectId }: Scope) => matches({ teamId, channelId, projectId });
type Scope = { teamId: string; channelId?: string; projectId?: string };

const bySubscriptionKey = byText<Subscription>(
  (s) => s.channelId,
  (s) => s.projectId,
);

export function createSubscriptionQueries(db: Db): SubscriptionStore {
  const get = prepared(['teamId', 'channelId', 'projectId'], (v) =>
    db.selectFrom('subscriptions').selectAll().where(matches(v)),
  );
  return {
    // Creates it, or (it exists) updates filter, mode and hook and resumes it when paused.
    async upsertSubscription(sub) {
      const now = Date.now();
      const events = JSON.stringify([...new Set(sub.events)]);
      const { teamId, channelId, projectId, hookId, createdBy } = sub;
      const changes = sub.changes ? 1 : 0;
      const key = { teamId, channelId, projectId };
      const row = { ...key, hookId, events, createdBy, changes, createdAt: now, updatedAt: now };
      const inserted = await db
        .insertInto('subscriptions')
        .values({ ...snake(row), state: 'active', paused_reason: null })
        .onConflict((oc) => oc.columns(['team_id', 'channel_id', 'project_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { created: true, subscription: toSubscription(inserted) };
      const updated = await db
        .updateTable('subscriptions')
        .where(inScope(sub))
        .set({
          ...{ hook_id: hookId, events, state: 'active', paused_reason: null, updated_at: now },
          ...(sub.changes === undefined ? {} : { changes }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { created: false, subscription: toSubscription(updated) };
    },
    async deleteSubscription(teamId, channelId, projectId) {
      const row = await db
        .deleteFrom('subscriptions')
        .where(matches({ teamId, channelId, projectId }))
        .returningAll()
        .executeTakeFirst();
      return row && toSubscription(row);
    },
    async getSubscription(teamId, channelId, projectId) {
      const row = (await db.executeQuery(get({ teamId, channelId, projectId }))).rows[0];
      return row && toSubscription(row);
    },
    async listSubscriptions(filter) {
      const rows = await db.selectFrom('subscriptions').selectAll().where(inScope(filter)).execute();
      return rows.map(toSubscription).sort(bySubscriptionKey);
    },
    async countSubscriptionsForHook(hookId) {
      const count = db.selectFrom('subscriptions').select((eb) => eb.fn.countAll().as('n'));
      return Number((await count.where('hook_id', '=', hookId).executeTakeFirstOrThrow()).n);
    },
    // Pauses the active subscriptions in scope and cancels the scope's pending jobs, in one transaction.
    pauseSubscriptions: (scope, reason) =>
      db.transaction().execute(async (trx) => {
        const now = Date.now();
        const paused = await trx
          .updateTable('subscriptions')
          .where(inScope(scope))
          .set({ state: 'paused', paused_reason: reason, updated_at: now })
          .where('state', '=', 'active')
          .executeTakeFirst();
        await trx
          .updateTable('jobs')
          .where(inScope(scope))
          .set({ state: 'dropped', last_error: reason, updated_at: now })
          .where('state', '=', 'pending')
          .execute();
        return Number(paused.numUpdatedRows);
      }),
  };
}
