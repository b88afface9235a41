import { type HookRow, toHook } from '../rows.js';
import { sealContext } from '../seal.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';
import { withTransaction } from './pool.js';

type WorkspaceMethods = Pick<
  Store,
  'saveInstallation' | 'getInstallation' | 'setApiKey' | 'getApiKey' | 'deleteApiKey' | 'forgetWorkspace'
>;

interface InstallationRow {
  team_id: string;
  enterprise_id: string | null;
  installation_sealed: string;
  bot_token_sealed: string;
  bot_user_id: string | null;
  installed_at: number;
}

interface ApiKeyRow {
  team_id: string;
  api_key_sealed: string;
  label: string | null;
  created_by: string | null;
  created_at: number;
}

const SAVE_INSTALLATION = `INSERT INTO installations (team_id, enterprise_id, installation_sealed,
    bot_token_sealed, bot_user_id, installed_at) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,
    installation_sealed = EXCLUDED.installation_sealed, bot_token_sealed = EXCLUDED.bot_token_sealed,
    bot_user_id = EXCLUDED.bot_user_id, installed_at = EXCLUDED.installed_at`;

const SET_API_KEY = `INSERT INTO api_keys (team_id, api_key_sealed, label, created_by, created_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (team_id) DO UPDATE SET api_key_sealed = EXCLUDED.api_key_sealed, label = EXCLUDED.label,
    created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at`;

/** What forgetWorkspace deletes ($1 team) and marks ($1 team, $2 now). */
const FORGET_DELETE = [
  'DELETE FROM installations WHERE team_id = $1',
  'DELETE FROM api_keys WHERE team_id = $1',
  'DELETE FROM subscriptions WHERE team_id = $1',
  'DELETE FROM workspace_holds WHERE team_id = $1',
];
const FORGET_MARK = [
  `UPDATE jobs SET state = 'dropped', last_error = 'workspace_forgotten', updated_at = $2
   WHERE team_id = $1 AND state = 'pending'`,
  `UPDATE hooks SET status = 'retired', retired_at = $2 WHERE team_id = $1 AND status = 'active'`,
];

export function createPgWorkspaceMethods({ pool, box }: PgStoreDeps): WorkspaceMethods {
  return {
    async saveInstallation(rec) {
      const installation = box.seal(rec.installationJson, sealContext.installation(rec.teamId));
      const token = box.seal(rec.botToken, sealContext.botToken(rec.teamId));
      const params = [rec.teamId, rec.enterpriseId, installation, token, rec.botUserId, rec.installedAt];
      await pool.query(SAVE_INSTALLATION, params);
    },
    async getInstallation(teamId) {
      const { rows } = await pool.query<InstallationRow>('SELECT * FROM installations WHERE team_id = $1', [
        teamId,
      ]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        teamId: row.team_id,
        enterpriseId: row.enterprise_id,
        installationJson: box.open(row.installation_sealed, sealContext.installation(row.team_id)),
        botToken: box.open(row.bot_token_sealed, sealContext.botToken(row.team_id)),
        botUserId: row.bot_user_id,
        installedAt: row.installed_at,
      };
    },
    async setApiKey(key) {
      const sealed = box.seal(key.apiKey, sealContext.apiKey(key.teamId));
      await pool.query(SET_API_KEY, [key.teamId, sealed, key.label, key.createdBy, key.createdAt]);
    },
    async getApiKey(teamId) {
      const { rows } = await pool.query<ApiKeyRow>('SELECT * FROM api_keys WHERE team_id = $1', [teamId]);
      const row = rows[0];
      if (!row) return undefined;
      const apiKey = box.open(row.api_key_sealed, sealContext.apiKey(row.team_id));
      return { teamId, apiKey, label: row.label, createdBy: row.created_by, createdAt: row.created_at };
    },
    async deleteApiKey(teamId) {
      const result = await pool.query('DELETE FROM api_keys WHERE team_id = $1', [teamId]);
      return (result.rowCount ?? 0) > 0;
    },
    forgetWorkspace: (teamId) =>
      withTransaction(pool, async (client) => {
        const now = Date.now();
        const { rows } = await client.query<HookRow>(
          `SELECT * FROM hooks WHERE team_id = $1 AND status = 'active' ORDER BY created_at, id COLLATE "C"
           FOR UPDATE`,
          [teamId],
        );
        const hooks = rows.map((row) => toHook(row, box));
        for (const sql of FORGET_DELETE) await client.query(sql, [teamId]);
        for (const sql of FORGET_MARK) await client.query(sql, [teamId, now]);
        return hooks.map((hook) => ({ ...hook, status: 'retired' as const }));
      }),
  };
}
