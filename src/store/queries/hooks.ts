import type { SecretBox } from '../../crypto/secret-box.js';
import { sql } from '../kysely.js';
import { type Row, snake, toHook } from '../rows.js';
import type { Db } from '../schema.js';
import { sealContext } from '../seal.js';
import type { HookStore } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

export function createHookQueries(db: Db, box: SecretBox): HookStore {
  const hooks = () => db.selectFrom('hooks').selectAll();
  const first = async (query: Parameters<Db['executeQuery']>[0]) => {
    const row = (await db.executeQuery(query)).rows[0] as Row<'hooks'> | undefined;
    return row && toHook(row, box);
  };
  const byId = prepared(['id'], (v) => hooks().where('id', '=', v.id));
  // The active hook; else the newest retired one whose remote webhook may still be re-used.
  const find = prepared(['teamId', 'projectId'], (v) =>
    hooks()
      .where(matches(v))
      .orderBy(sql`CASE WHEN status = 'active' THEN 0 ELSE 1 END`)
      .orderBy('remote_deleted')
      .orderBy('created_at', 'desc')
      .limit(1),
  );
  const update = (id: string) => db.updateTable('hooks').where('id', '=', id);

  return {
    getHook: (id) => first(byId({ id })),
    findHook: (teamId, projectId) => first(find({ teamId, projectId })),
    async insertHook(hook) {
      const { id, teamId, projectId, projectName, projectSlug, sotaWebhookId, secret } = hook;
      const createdAt = Date.now();
      const secretSealed = box.seal(secret, sealContext.hook(id));
      const row = { id, teamId, projectId, projectName, projectSlug, sotaWebhookId, secretSealed, createdAt };
      await db
        .insertInto('hooks')
        .values({ ...snake(row), status: 'active', remote_deleted: 0 })
        .execute();
      return { ...hook, status: 'active', remoteDeleted: false, createdAt };
    },
    async reactivateHook(id) {
      await update(id).set({ status: 'active', retired_at: null }).execute();
    },
    async retireHook(id, remoteDeleted) {
      await update(id)
        .set((eb) => ({
          status: 'retired',
          retired_at: eb.fn.coalesce('retired_at', eb.val(Date.now())),
          ...(remoteDeleted ? { remote_deleted: 1 } : {}),
        }))
        .execute();
    },
    async setHookRemoteDeleted(id) {
      await update(id).set({ remote_deleted: 1 }).execute();
    },
  };
}
