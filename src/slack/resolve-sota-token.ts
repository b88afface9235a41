import type { Store } from '../store/types.js';

/** The sota.io token a workspace uses: its own connected key, else the app's default, else none. */
export async function resolveSotaToken(
  store: Pick<Store, 'getApiKey'>,
  defaultToken: string | undefined,
  teamId: string,
): Promise<string | undefined> {
  const own = await store.getApiKey(teamId);
  return own?.apiKey ?? defaultToken;
}
