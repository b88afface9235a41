import type { Store } from '../types.js';
import { createStatements, type Db } from './statements.js';

type OAuthStateMethods = Pick<Store, 'saveOAuthState' | 'consumeOAuthState'>;

export function createOAuthStateMethods(db: Db): OAuthStateMethods {
  const q = createStatements(db, {
    save: `INSERT INTO oauth_states (state, payload, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (state) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at`,
    take: 'DELETE FROM oauth_states WHERE state = ? RETURNING payload, expires_at',
    sweep: 'DELETE FROM oauth_states WHERE expires_at <= ?',
  });

  return {
    async saveOAuthState(state, payloadJson, expiresAt) {
      q.save.run(state, payloadJson, expiresAt);
    },
    async consumeOAuthState(state, now) {
      // One-time: the row is gone after the first attempt, expired or not.
      const row = q.take.get(state) as { payload: string; expires_at: number } | undefined;
      q.sweep.run(now);
      return row && row.expires_at > now ? row.payload : undefined;
    },
  };
}
