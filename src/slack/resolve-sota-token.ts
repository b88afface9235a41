import type { Store } from '../store/types.js';
import { type OperatorKeyConfig, operatorTokenFor } from './operator-token.js';

/**
 * The sota.io token a workspace uses: its own connected key, else the operator's key when this
 * workspace may use it, else none.
 */
export async function resolveSotaToken(
  store: Pick<Store, 'getApiKey'>,
  config: OperatorKeyConfig,
  teamId: string,
): Promise<string | undefined> {
  const own = await store.getApiKey(teamId);
  return own?.apiKey ?? operatorTokenFor(config, teamId);
}
