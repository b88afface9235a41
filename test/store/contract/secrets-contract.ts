import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxErrorCode } from '../../../src/crypto/secret-box.js';
import type { Store } from '../../../src/store/types.js';
import { type ContractContext, newHook, T0 } from './fixtures.js';
import { installation } from './workspaces-contract.js';

export function describeSecrets(ctx: ContractContext): void {
  const fill = async () => {
    const hook = newHook();
    await ctx.store.insertHook(hook);
    await ctx.store.saveInstallation(installation('T1'));
    const key = { teamId: 'T1', apiKey: 'sk_live_rotate', label: null, createdBy: null, createdAt: T0 };
    await ctx.store.setApiKey(key);
    return { hook, install: installation('T1'), key };
  };

  const readAll = async (store: Store, hookId: string) => ({
    secret: (await store.getHook(hookId))?.secret,
    installation: await store.getInstallation('T1'),
    apiKey: (await store.getApiKey('T1'))?.apiKey,
  });

  describe('secrets at rest', () => {
    it('verifies every stored secret and has nothing to rotate under the same key', async () => {
      await fill();
      await expect(ctx.store.verifySecrets()).resolves.toBeUndefined();
      expect(await ctx.store.rotateSecrets()).toBe(0);
    });

    it('refuses values sealed with a key it does not have', async () => {
      const { hook } = await fill();
      const stranger = await ctx.harness.reopen(createSecretBox(randomBytes(32)));
      try {
        await expect(stranger.verifySecrets()).rejects.toMatchObject({ code: SecretBoxErrorCode.unknownKey });
        await expect(stranger.getHook(hook.id)).rejects.toMatchObject({ name: 'SecretBoxError' });
      } finally {
        await stranger.close();
      }
    });

    it('re-seals every value with a new key so that the old key is no longer needed', async () => {
      const { hook, install, key } = await fill();
      const newKey = randomBytes(32);
      const rotating = await ctx.harness.reopen(createSecretBox(newKey, [ctx.key]));
      const onlyNew = await ctx.harness.reopen(createSecretBox(newKey));
      try {
        await expect(onlyNew.verifySecrets()).rejects.toMatchObject({ code: SecretBoxErrorCode.unknownKey });
        expect(await rotating.rotateSecrets()).toBe(4);
        expect(await rotating.rotateSecrets()).toBe(0);
        await expect(onlyNew.verifySecrets()).resolves.toBeUndefined();
        expect(await readAll(onlyNew, hook.id)).toEqual({
          secret: hook.secret,
          installation: install,
          apiKey: key.apiKey,
        });
        await expect(ctx.store.verifySecrets()).rejects.toMatchObject({
          code: SecretBoxErrorCode.unknownKey,
        });
      } finally {
        await rotating.close();
        await onlyNew.close();
      }
    });
  });
}
