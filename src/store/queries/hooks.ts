import { sql } from 'kysely';
import type { SecretBox } from '../../crypto/secret-box.js';
import { toHook } from '../rows.js';
import type { Db } from '../schema.js';
import { sealContext } from '../seal.js';
import type { HookStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

export function createHookQueries(db: Db, box: SecretBox): HookStore {
  const hooks = () => db.selectFrom('hooks').selectAll();
  const read = (row: Parameters<typeof toHook>[0] | undefined) => row && toHook(row, box);
  const byId = prepared(['id'], (v) => hooks().where('id', '=', v.id));

  return {
    getHook: async (id) => read((await db.executeQuery(byId({ id }))).rows[0]),
    // The active hook; else the newest retired one whose remote webhook may still be re-used.
    findHook: async (teamId, projectId) =>
      read(
        await hooks()
          .where(matches({ teamId, projectId }))
          .orderBy(sql`CASE WHEN status = 'active' THEN 0 ELSE 1 END`)
          .orderBy('remote_deleted')
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst(),
      ),
    async insertHook(hook) {
      const createdAt = Date.now();
      await db
        .insertInto('hooks')
        .values({
          id: hook.id,
          team_id: hook.teamId,
          project_id: hook.projectId,
          project_name: hook.projectName,
          project_slug: hook.projectSlug,
          sota_webhook_id: hook.sotaWebhookId,
          secret_sealed: box.seal(hook.secret, sealContext.hook(hook.id)),
          status: 'active',
          remote_deleted: 0,
          created_at: createdAt,
        })
        .execute();
      return { ...hook, status: 'active', remoteDeleted: false, createdAt };
    },
    async reactivateHook(id) {
      await db
        .updateTable('hooks')
        .set({ status: 'active', retired_at: null })
        .where('id', '=', id)
        .execute();
    },
    async retireHook(id, remoteDeleted) {
      await db
        .updateTable('hooks')
        .set((eb) => ({
          status: 'retired',
          retired_at: eb.fn.coalesce('retired_at', eb.val(Date.now())),
          ...(remoteDeleted ? { remote_deleted: 1 } : {}),
        }))
        .where('id', '=', id)
        .execute();
    },
    async setHookRemoteDeleted(id) {
      await db.updateTable('hooks').set({ remote_deleted: 1 }).where('id', '=', id).execute();
    },
  };
}
