import type { SecretBox } from '../../crypto/secret-box.js';
import { type HookRow, toHook as hookFromRow } from '../rows.js';
import { sealContext } from '../seal.js';
import type { Hook, Store } from '../types.js';
import { createStatements, type Db } from './statements.js';

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

type WorkspaceMethods = Pick<
  Store,
  'saveInstallation' | 'getInstallation' | 'setApiKey' | 'getApiKey' | 'deleteApiKey' | 'forgetWorkspace'
>;

export function createWorkspaceMethods(db: Db, box: SecretBox): WorkspaceMethods {
  const q = createStatements(db, {
    saveInstallation: `INSERT OR REPLACE INTO installations (team_id, enterprise_id, installation_sealed,
                         bot_token_sealed, bot_user_id, installed_at)
                       VALUES (@teamId, @enterpriseId, @installationSealed, @botTokenSealed, @botUserId,
                         @installedAt)`,
    getInstallation: 'SELECT * FROM installations WHERE team_id = ?',
    setApiKey: `INSERT OR REPLACE INTO api_keys (team_id, api_key_sealed, label, created_by, created_at)
                VALUES (@teamId, @apiKeySealed, @label, @createdBy, @createdAt)`,
    getApiKey: 'SELECT * FROM api_keys WHERE team_id = ?',
    deleteApiKey: 'DELETE FROM api_keys WHERE team_id = ?',
    activeHooks: `SELECT * FROM hooks WHERE team_id = ? AND status = 'active' ORDER BY created_at, id`,
    deleteInstallation: 'DELETE FROM installations WHERE team_id = ?',
    deleteSubscriptions: 'DELETE FROM subscriptions WHERE team_id = ?',
    deleteHold: 'DELETE FROM workspace_holds WHERE team_id = ?',
    dropJobs: `UPDATE jobs SET state = 'dropped', last_error = 'workspace_forgotten', updated_at = @now
               WHERE team_id = @teamId AND state = 'pending'`,
    retireHooks: `UPDATE hooks SET status = 'retired', retired_at = @now
                  WHERE team_id = @teamId AND status = 'active'`,
  });

  const forget = db.transaction((teamId: string): Hook[] => {
    const now = Date.now();
    const hooks = (q.activeHooks.all(teamId) as HookRow[]).map((row) => hookFromRow(row, box));
    q.deleteInstallation.run(teamId);
    q.deleteApiKey.run(teamId);
    q.deleteSubscriptions.run(teamId);
    q.deleteHold.run(teamId);
    q.dropJobs.run({ teamId, now });
    q.retireHooks.run({ teamId, now });
    return hooks.map((hook) => ({ ...hook, status: 'retired' }));
  });

  return {
    async saveInstallation(rec) {
      q.saveInstallation.run({
        ...rec,
        installationSealed: box.seal(rec.installationJson, sealContext.installation(rec.teamId)),
        botTokenSealed: box.seal(rec.botToken, sealContext.botToken(rec.teamId)),
      });
    },
    async getInstallation(teamId) {
      const row = q.getInstallation.get(teamId) as InstallationRow | undefined;
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
      q.setApiKey.run({ ...key, apiKeySealed: box.seal(key.apiKey, sealContext.apiKey(key.teamId)) });
    },
    async getApiKey(teamId) {
      const row = q.getApiKey.get(teamId) as ApiKeyRow | undefined;
      if (!row) return undefined;
      const apiKey = box.open(row.api_key_sealed, sealContext.apiKey(row.team_id));
      return { teamId, apiKey, label: row.label, createdBy: row.created_by, createdAt: row.created_at };
    },
    deleteApiKey: async (teamId) => q.deleteApiKey.run(teamId).changes > 0,
    forgetWorkspace: async (teamId) => forget.immediate(teamId),
  };
}
