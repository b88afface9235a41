import type { SecretBox } from '../../crypto/secret-box.js';
import { byText, toHook } from '../rows.js';
import type { Db } from '../schema.js';
import { sealContext } from '../seal.js';
import type { Hook, OAuthStateStore, WorkspaceStore } from '../types.js';
import { prepared } from './prepared.js';
import { createSecretQueries } from './secrets.js';

const byId = byText<{ id: string }>((h) => h.id);
const byCreation = (a: Hook, b: Hook) => a.createdAt - b.createdAt || byId(a, b);

/** What a workspace's forgetting deletes outright. */
const FORGOTTEN = [
  ...['installations', 'api_keys', 'subscriptions', 'workspace_holds'],
  ...['action_access', 'action_presses', 'action_log', 'channel_mentions'],
] as const;

export function createWorkspaceQueries(db: Db, box: SecretBox): WorkspaceStore & OAuthStateStore {
  // Read for every Slack call in multi-workspace mode.
  const installation = prepared(['teamId'], (v) =>
    db.selectFrom('installations').selectAll().where('team_id', '=', v.teamId),
  );
  return {
    async saveInstallation({ teamId, enterpriseId, installationJson, botToken, botUserId, installedAt }) {
      const row = {
        enterprise_id: enterpriseId,
        installation_sealed: box.seal(installationJson, sealContext.installation(teamId)),
        bot_token_sealed: box.seal(botToken, sealContext.botToken(teamId)),
        bot_user_id: botUserId,
        installed_at: installedAt,
      };
      await db
        .insertInto('installations')
        .values({ team_id: teamId, ...row })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
    },
    async getInstallation(teamId) {
      const row = (await db.executeQuery(installation({ teamId }))).rows[0];
      if (!row) return undefined;
      const installationJson = box.open(row.installation_sealed, sealContext.installation(teamId));
      const botToken = box.open(row.bot_token_sealed, sealContext.botToken(teamId));
      const { enterprise_id: enterpriseId, bot_user_id: botUserId, installed_at: installedAt } = row;
      return { teamId, enterpriseId, installationJson, botToken, botUserId, installedAt };
    },
    async setApiKey({ teamId, apiKey, label, createdBy, createdAt }) {
      const sealed = box.seal(apiKey, sealContext.apiKey(teamId));
      const row = { api_key_sealed: sealed, label, created_by: createdBy, created_at: createdAt };
      await db
        .insertInto('api_keys')
        .values({ team_id: teamId, ...row })
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
      const apiKey = box.open(row.api_key_sealed, sealContext.apiKey(teamId));
      return { teamId, apiKey, label: row.label, createdBy: row.created_by, createdAt: row.created_at };
    },
    async deleteApiKey(teamId) {
      const result = await db.deleteFrom('api_keys').where('team_id', '=', teamId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    forgetWorkspace: (teamId) =>
      db.transaction().execute(async (trx) => {
        const now = Date.now();
        for (const table of FORGOTTEN) await trx.deleteFrom(table).where('team_id', '=', teamId).execute();
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
    async saveOAuthState(state, payload, expiresAt) {
      await db
        .insertInto('oauth_states')
        .values({ state, payload, expires_at: expiresAt })
        .onConflict((oc) => oc.column('state').doUpdateSet({ payload, expires_at: expiresAt }))
        .execute();
    },
    // One-time: the row is gone after the first attempt, expired or not; expired ones are swept.
    async consumeOAuthState(state, now) {
      const row = await db
        .deleteFrom('oauth_states')
        .where('state', '=', state)
        .returning(['payload', 'expires_at'])
        .executeTakeFirst();
      await db.deleteFrom('oauth_states').where('expires_at', '<=', now).execute();
      return row && row.expires_at > now ? row.payload : undefined;
    },
  };
}
