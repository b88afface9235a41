import type { SecretBox } from '../../crypto/secret-box.js';
import { byText, toHook } from '../rows.js';
import type { Db } from '../schema.js';
import { sealContext } from '../seal.js';
import type { Hook, WorkspaceStore } from '../types.js';
import { createSecretQueries } from './secrets.js';

const byId = byText<{ id: string }>((h) => h.id);
const byCreation = (a: Hook, b: Hook) => a.createdAt - b.createdAt || byId(a, b);

export function createWorkspaceQueries(db: Db, box: SecretBox): WorkspaceStore {
  return {
    async saveInstallation(rec) {
      const row = {
        enterprise_id: rec.enterpriseId,
        installation_sealed: box.seal(rec.installationJson, sealContext.installation(rec.teamId)),
        bot_token_sealed: box.seal(rec.botToken, sealContext.botToken(rec.teamId)),
        bot_user_id: rec.botUserId,
        installed_at: rec.installedAt,
      };
      await db
        .insertInto('installations')
        .values({ team_id: rec.teamId, ...row })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
    },
    async getInstallation(teamId) {
      const row = await db
        .selectFrom('installations')
        .selectAll()
        .where('team_id', '=', teamId)
        .executeTakeFirst();
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
      const row = {
        api_key_sealed: box.seal(key.apiKey, sealContext.apiKey(key.teamId)),
        label: key.label,
        created_by: key.createdBy,
        created_at: key.createdAt,
      };
      await db
        .insertInto('api_keys')
        .values({ team_id: key.teamId, ...row })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
    },
    async getApiKey(teamId) {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      if (!row) return undefined;
      const apiKey = box.open(row.api_key_sealed, sealContext.apiKey(row.team_id));
      return { teamId, apiKey, label: row.label, createdBy: row.created_by, createdAt: row.created_at };
    },
    async deleteApiKey(teamId) {
      const result = await db.deleteFrom('api_keys').where('team_id', '=', teamId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    forgetWorkspace: (teamId) =>
      db.transaction().execute(async (trx) => {
        const now = Date.now();
        const tables = [
          ...['installations', 'api_keys', 'subscriptions', 'workspace_holds'],
          ...['action_access', 'action_presses', 'action_log', 'channel_mentions'],
        ] as const;
        for (const table of tables) {
          await trx.deleteFrom(table).where('team_id', '=', teamId).execute();
        }
        await trx
          .updateTable('jobs')
          .set({ state: 'dropped', last_error: 'workspace_forgotten', updated_at: now })
          .where('team_id', '=', teamId)
          .where('state', '=', 'pending')
          .execute();
        const retired = await trx
          .updateTable('hooks')
          .set({ status: 'retired', retired_at: now })
          .where('team_id', '=', teamId)
          .where('status', '=', 'active')
          .returningAll()
          .execute();
        return retired.map((row) => toHook(row, box)).sort(byCreation);
      }),
    ...createSecretQueries(db, box),
  };
}
