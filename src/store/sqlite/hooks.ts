import type { SecretBox } from '../../crypto/secret-box.js';
import { type HookRow, toHook as hookFromRow } from '../rows.js';
import { sealContext } from '../seal.js';
import type { Store } from '../types.js';
import { createStatements, type Db } from './statements.js';

type HookMethods = Pick<
  Store,
  'getHook' | 'findHook' | 'insertHook' | 'reactivateHook' | 'retireHook' | 'setHookRemoteDeleted'
>;

export function createHookMethods(db: Db, box: SecretBox): HookMethods {
  const q = createStatements(db, {
    get: 'SELECT * FROM hooks WHERE id = ?',
    // The active hook; else the newest retired one whose remote webhook may still be re-used.
    find: `SELECT * FROM hooks WHERE team_id = ? AND project_id = ?
           ORDER BY status = 'active' DESC, remote_deleted ASC, created_at DESC LIMIT 1`,
    insert: `INSERT INTO hooks (id, team_id, project_id, project_name, project_slug, sota_webhook_id,
               secret_sealed, status, remote_deleted, created_at)
             VALUES (@id, @teamId, @projectId, @projectName, @projectSlug, @sotaWebhookId,
               @secretSealed, 'active', 0, @createdAt)`,
    reactivate: `UPDATE hooks SET status = 'active', retired_at = NULL WHERE id = ?`,
    retire: `UPDATE hooks SET status = 'retired', retired_at = COALESCE(retired_at, @now),
               remote_deleted = MAX(remote_deleted, @remoteDeleted) WHERE id = @id`,
    remoteDeleted: 'UPDATE hooks SET remote_deleted = 1 WHERE id = ?',
  });
  const read = (row: unknown) => (row ? hookFromRow(row as HookRow, box) : undefined);

  return {
    getHook: async (id) => read(q.get.get(id)),
    findHook: async (teamId, projectId) => read(q.find.get(teamId, projectId)),
    async insertHook(hook) {
      const createdAt = Date.now();
      const secretSealed = box.seal(hook.secret, sealContext.hook(hook.id));
      q.insert.run({ ...hook, secretSealed, createdAt });
      return { ...hook, status: 'active', remoteDeleted: false, createdAt };
    },
    async reactivateHook(id) {
      q.reactivate.run(id);
    },
    async retireHook(id, remoteDeleted) {
      q.retire.run({ id, now: Date.now(), remoteDeleted: remoteDeleted ? 1 : 0 });
    },
    async setHookRemoteDeleted(id) {
      q.remoteDeleted.run(id);
    },
  };
}
