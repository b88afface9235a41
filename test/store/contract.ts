import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { describeActions } from './contract/actions-contract.js';
import type { ContractContext, MakeStore, StoreHarness } from './contract/fixtures.js';
import { newHook } from './contract/fixtures.js';
import { describeHooks } from './contract/hooks-contract.js';
import { describeInbox } from './contract/inbox-contract.js';
import { describeMessages } from './contract/messages-contract.js';
import { describeQueue } from './contract/queue-contract.js';
import { describeSecrets } from './contract/secrets-contract.js';
import { describeSignals } from './contract/signals-contract.js';
import { describeSubscriptions } from './contract/subscriptions-contract.js';
import { describeWorkspaces } from './contract/workspaces-contract.js';

export type { MakeStore, StoreHarness };

/**
 * The behaviour every Store implementation must show. `makeStore` gets the SecretBox to seal
 * with and returns a migrated store on fresh data, a way to open the same data with another
 * box, and a cleanup. Each test gets its own harness.
 */
export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`${name}: store contract`, () => {
    const ctx = {} as ContractContext;

    beforeEach(async () => {
      ctx.key = randomBytes(32);
      ctx.harness = await makeStore(createSecretBox(ctx.key));
      ctx.store = ctx.harness.store;
    });

    afterEach(async () => {
      await ctx.harness.cleanup();
    });

    describe('lifecycle', () => {
      it('answers ping', async () => {
        await expect(ctx.store.ping()).resolves.toBeUndefined();
      });

      it('re-running migrate keeps the data', async () => {
        const hook = newHook();
        await ctx.store.insertHook(hook);
        await ctx.store.migrate();
        expect((await ctx.store.getHook(hook.id))?.secret).toBe(hook.secret);
      });
    });

    describeHooks(ctx);
    describeSubscriptions(ctx);
    describeInbox(ctx);
    describeQueue(ctx);
    describeMessages(ctx);
    describeWorkspaces(ctx);
    describeActions(ctx);
    describeSecrets(ctx);
    describeSignals(ctx);
  });
}
