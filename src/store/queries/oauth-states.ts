import type { Db } from '../schema.js';
import type { OAuthStateStore } from '../types.js';

export function createOAuthStateQueries(db: Db): OAuthStateStore {
  return {
    async saveOAuthState(state, payload, expiresAt) {
      await db
        .insertInto('oauth_states')
        .values({ state, payload, expires_at: expiresAt })
        .onConflict((oc) => oc.column('state').doUpdateSet({ payload, expires_at: expiresAt }))
        .execute();
    },
    async consumeOAuthState(state, now) {
      // One-time: the row is gone after the first attempt, expired or not; expired ones are swept.
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
