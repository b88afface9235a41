/**
 * Half state left by a failed `/sota subscribe`: webhooks registered on sota.io that no active
 * hook of ours answers for, active hooks whose webhook sota.io does not have, and subscriptions
 * whose hook is missing or retired.
 */

import type { Store } from '../../../src/store/types.js';
import type { FakeSota } from '../../fakes/fake-sota.js';
import { hookIdOf } from '../../slack/slack-test-kit.js';

export interface Orphans {
  remote: number;
  local: number;
  subscriptions: number;
}

export async function countOrphans(store: Store, fakeSota: FakeSota, teamIds: string[]): Promise<Orphans> {
  let remote = 0;
  for (const webhook of fakeSota.webhooks) {
    const hook = await store.getHook(hookIdOf(webhook.url));
    if (hook?.status !== 'active' || hook.sotaWebhookId !== webhook.id) remote += 1;
  }
  const remoteIds = new Set(fakeSota.webhooks.map((w) => w.id));
  let local = 0;
  let subscriptions = 0;
  for (const teamId of teamIds) {
    for (const project of fakeSota.projects) {
      const hook = await store.findHook(teamId, project.id);
      if (hook?.status === 'active' && !remoteIds.has(hook.sotaWebhookId ?? '')) local += 1;
    }
    for (const sub of await store.listSubscriptions({ teamId })) {
      const hook = await store.getHook(sub.hookId);
      if (hook?.status !== 'active') subscriptions += 1;
    }
  }
  return { remote, local, subscriptions };
}

export const totalOrphans = (o: Orphans) => o.remote + o.local + o.subscriptions;
