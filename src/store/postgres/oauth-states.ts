import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';

type OAuthStateMethods = Pick<Store, 'saveOAuthState' | 'consumeOAuthState'>;

// One-time: the row is gone after the first attempt, expired or not; expired ones are swept.
const TAKE = `
WITH taken AS (DELETE FROM oauth_states WHERE state = $1 RETURNING payload, expires_at),
swept AS (DELETE FROM oauth_states WHERE expires_at <= $2 AND state <> $1)
SELECT payload, expires_at FROM taken`;

export function createPgOAuthStateMethods({ pool }: PgStoreDeps): OAuthStateMethods {
  return {
    async saveOAuthState(state, payloadJson, expiresAt) {
      await pool.query(
        `INSERT INTO oauth_states (state, payload, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (state) DO UPDATE SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at`,
        [state, payloadJson, expiresAt],
      );
    },
    async consumeOAuthState(state, now) {
      const { rows } = await pool.query<{ payload: string; expires_at: number }>(TAKE, [state, now]);
      const row = rows[0];
      return row && row.expires_at > now ? row.payload : undefined;
    },
  };
}
