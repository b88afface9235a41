import { type HookRow, toHook } from '../rows.js';
import { sealContext } from '../seal.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';

type HookMethods = Pick<
  Store,
  'getHook' | 'findHook' | 'insertHook' | 'reactivateHook' | 'retireHook' | 'setHookRemoteDeleted'
>;

const INSERT = `INSERT INTO hooks (id, team_id, project_id, project_name, project_slug, sota_webhook_id,
    secret_sealed, status, remote_deleted, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', FALSE, $8)`;

// The active hook; else the newest retired one whose remote webhook may still be re-used.
const FIND = `SELECT * FROM hooks WHERE team_id = $1 AND project_id = $2
  ORDER BY (status = 'active') DESC, remote_deleted ASC, created_at DESC LIMIT 1`;

export function createPgHookMethods({ pool, box }: PgStoreDeps): HookMethods {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<HookRow>(sql, params);
    return rows[0] && toHook(rows[0], box);
  };

  return {
    getHook: (id) => one('SELECT * FROM hooks WHERE id = $1', [id]),
    findHook: (teamId, projectId) => one(FIND, [teamId, projectId]),
    async insertHook(hook) {
      const createdAt = Date.now();
      const sealed = box.seal(hook.secret, sealContext.hook(hook.id));
      await pool.query(INSERT, [
        hook.id,
        hook.teamId,
        hook.projectId,
        hook.projectName,
        hook.projectSlug,
        hook.sotaWebhookId,
        sealed,
        createdAt,
      ]);
      return { ...hook, status: 'active', remoteDeleted: false, createdAt };
    },
    async reactivateHook(id) {
      await pool.query(`UPDATE hooks SET status = 'active', retired_at = NULL WHERE id = $1`, [id]);
    },
    async retireHook(id, remoteDeleted) {
      await pool.query(
        `UPDATE hooks SET status = 'retired', retired_at = COALESCE(retired_at, $2),
           remote_deleted = remote_deleted OR $3 WHERE id = $1`,
        [id, Date.now(), remoteDeleted],
      );
    },
    async setHookRemoteDeleted(id) {
      await pool.query('UPDATE hooks SET remote_deleted = TRUE WHERE id = $1', [id]);
    },
  };
}
