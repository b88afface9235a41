import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../../../src/crypto/secret-box.js';
import type { KnownEvent } from '../../../src/sota/event.js';
import type { IngestEvent, NewHook, Store, UpsertSubscription } from '../../../src/store/types.js';

/** What an implementation hands the contract: a migrated store on fresh, empty data. */
export interface StoreHarness {
  store: Store;
  /** Opens a second store over the same data with another SecretBox (for key rotation). */
  reopen(secretBox: SecretBox): Promise<Store>;
  /** Closes the store and removes its data. */
  cleanup(): Promise<void>;
}

export type MakeStore = (secretBox: SecretBox) => Promise<StoreHarness>;

/** Filled in before each test. */
export interface ContractContext {
  store: Store;
  harness: StoreHarness;
  key: Buffer;
}

export const T0 = 1_700_000_000_000;
export const ALL_EVENTS: KnownEvent[] = ['deploy.started', 'deploy.succeeded', 'deploy.failed'];

export function newHook(overrides: Partial<NewHook> = {}): NewHook {
  const id = `hk_${randomUUID().replaceAll('-', '')}`;
  return {
    id,
    teamId: 'T1',
    projectId: randomUUID(),
    projectName: 'My App',
    projectSlug: 'my-app',
    sotaWebhookId: `wh_${randomUUID()}`,
    secret: `whsec_${randomUUID().replaceAll('-', '')}`,
    ...overrides,
  };
}

export function subscriptionFor(
  hook: NewHook,
  channelId: string,
  overrides: Partial<UpsertSubscription> = {},
): UpsertSubscription {
  return {
    teamId: hook.teamId,
    channelId,
    projectId: hook.projectId,
    hookId: hook.id,
    events: ALL_EVENTS,
    createdBy: 'U1',
    ...overrides,
  };
}

export function eventFor(hook: NewHook, overrides: Partial<IngestEvent> = {}): IngestEvent {
  const deploymentId = overrides.deploymentId ?? randomUUID();
  const event = overrides.event ?? 'deploy.started';
  return {
    hookId: hook.id,
    projectId: hook.projectId,
    deploymentId,
    event,
    occurredAt: '2023-11-14T22:13:20.000Z',
    receivedAt: T0,
    payload: JSON.stringify({ event, project_id: hook.projectId, deployment_id: deploymentId }),
    disposition: 'deliver',
    ...overrides,
  };
}

/** A hook with one subscribed channel per id given, all three events. */
export async function hookWithChannels(store: Store, channels: string[], overrides: Partial<NewHook> = {}) {
  const hook = newHook(overrides);
  await store.insertHook(hook);
  for (const channelId of channels) await store.upsertSubscription(subscriptionFor(hook, channelId));
  return hook;
}

/** Resolves once the wall clock has moved past the current millisecond (stores stamp rows with it). */
export async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() <= start) await new Promise((resolve) => setImmediate(resolve));
}
