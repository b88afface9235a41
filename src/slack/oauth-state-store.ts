import { randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { OAuthStateStore } from '../store/types.js';
import { loadOAuth } from './bolt.js';

/** How long an install link stays usable. */
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

/**
 * One-time OAuth `state` values kept in our store: each is random, expires after ten minutes, and
 * is deleted when used, so a reused, forged or stale state is refused (Bolt answers with an error page).
 */
export function createOAuthStateStore(store: OAuthStateStore, now: () => number): StateStore {
  return {
    async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
      const state = randomBytes(24).toString('base64url');
      await store.saveOAuthState(state, JSON.stringify(installOptions), now() + OAUTH_STATE_TTL_MS);
      return state;
    },
    async verifyStateParam(_date: Date, state: string): Promise<InstallURLOptions> {
      const payload = await store.consumeOAuthState(state, now());
      if (payload === undefined) {
        const { InvalidStateError } = loadOAuth();
        throw new InvalidStateError('The install link is unknown, used or expired');
      }
      return JSON.parse(payload) as InstallURLOptions;
    },
  };
}
