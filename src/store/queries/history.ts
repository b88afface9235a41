import { sql } from '../kysely.js';
import { camel } from '../rows.js';
import type { Db } from '../schema.js';
import type { SignalStore } from '../signal-types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

/** Job errors that are ours, not Slack's: a drop because the channel no longer wants the job. */
const OWN_REASONS = ['subscription_gone', 'subscription_paused', 'no_installation'];

type HistoryMethods = Pick<
  SignalStore,
  'listHookEvents' | 'lastDeliveryErrors' | 'renameHookProject' | 'listHooksToRefresh'
>;

export function createHistoryQueries(db: Db): HistoryMethods {
  // Read for every delivery job.
  const events = prepared(['hookId', 'limit'], (v) =>
    db
      .selectFrom('events')
      .select(['deployment_id', 'event', 'occurred_at'])
      .where('hook_id', '=', v.hookId)
      .where('disposition', '=', 'deliver')
      .where('event', 'in', ['deploy.started', 'deploy.succeeded', 'deploy.failed'])
      .orderBy('received_at', 'desc')
      .limit(v.limit),
  );
  return {
    listHookEvents: async (hookId, limit) =>
      (await db.executeQuery(events({ hookId, limit }))).rows.map(camel),
    async lastDeliveryErrors(teamId, channelId) {
      const rows = await db
        .selectFrom('jobs')
        .select(['project_id', 'last_error'])
        .where(matches({ teamId, channelId }))
        .where('last_error', 'is not', null)
        .where('last_error', 'not in', OWN_REASONS)
        .orderBy('updated_at', 'desc')
        .limit(200)
        .execute();
      const errors = new Map<string, string>();
      for (const r of rows) {
        const code = (r.last_error ?? '').replace(/^expired:/, '');
        if (!errors.has(r.project_id) && code) errors.set(r.project_id, code);
      }
      return errors;
    },
    async renameHookProject(hookId, name, slug, checkedAt) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hooks')
          .set({ project_name: name, project_slug: slug })
          .where('id', '=', hookId)
          .execute();
        await trx
          .insertInto('hook_name_checks')
          .values({ hook_id: hookId, checked_at: checkedAt })
          .onConflict((oc) => oc.column('hook_id').doUpdateSet({ checked_at: checkedAt }))
          .execute();
      });
    },
    async listHooksToRefresh(before, limit) {
      const rows = await db
        .selectFrom('hooks')
        .leftJoin('hook_name_checks', 'hook_name_checks.hook_id', 'hooks.id')
        .select(['hooks.id', 'hooks.team_id', 'hooks.project_id'])
        .where('hooks.status', '=', 'active')
        .where(sql<boolean>`hook_name_checks.checked_at IS NULL OR hook_name_checks.checked_at < ${before}`)
        .orderBy('hook_name_checks.checked_at')
        .orderBy('hooks.created_at')
        .limit(limit)
        .execute();
      return rows.map(camel);
    },
  };
}
