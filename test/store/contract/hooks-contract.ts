import { describe, expect, it } from 'vitest';
import { type ContractContext, newHook, nextMillisecond } from './fixtures.js';

export function describeHooks(ctx: ContractContext): void {
  describe('hooks', () => {
    it('inserts an active hook and reads it back with its secret opened', async () => {
      const hook = newHook();
      const inserted = await ctx.store.insertHook(hook);
      expect(inserted).toMatchObject({ ...hook, status: 'active', remoteDeleted: false });
      expect(await ctx.store.getHook(hook.id)).toEqual(inserted);
      expect(await ctx.store.getHook('hk_unknown')).toBeUndefined();
    });

    it('keeps at most one active hook per workspace and project', async () => {
      const first = newHook();
      await ctx.store.insertHook(first);
      const same = newHook({ teamId: first.teamId, projectId: first.projectId });
      await expect(ctx.store.insertHook(same)).rejects.toThrow();
      expect(await ctx.store.getHook(same.id)).toBeUndefined();
      await ctx.store.insertHook(newHook({ teamId: 'T2', projectId: first.projectId }));
      await ctx.store.retireHook(first.id, false);
      await ctx.store.insertHook(same);
      await expect(ctx.store.reactivateHook(first.id)).rejects.toThrow();
      expect((await ctx.store.getHook(first.id))?.status).toBe('retired');
    });

    it('finds the active hook of a workspace and project', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      expect((await ctx.store.findHook(hook.teamId, hook.projectId))?.id).toBe(hook.id);
      expect(await ctx.store.findHook('T2', hook.projectId)).toBeUndefined();
      expect(await ctx.store.findHook(hook.teamId, 'another-project')).toBeUndefined();
    });

    it('prefers the active hook, then a retired one whose remote webhook still exists', async () => {
      const older = newHook();
      await ctx.store.insertHook(older);
      await ctx.store.retireHook(older.id, false);
      await nextMillisecond();
      const newer = newHook({ teamId: older.teamId, projectId: older.projectId });
      await ctx.store.insertHook(newer);
      await ctx.store.retireHook(newer.id, true);
      const found = await ctx.store.findHook(older.teamId, older.projectId);
      expect(found).toMatchObject({ id: older.id, status: 'retired', remoteDeleted: false });
      await ctx.store.retireHook(older.id, true);
      expect((await ctx.store.findHook(older.teamId, older.projectId))?.id).toBe(newer.id);
      await ctx.store.reactivateHook(older.id);
      expect(await ctx.store.findHook(older.teamId, older.projectId)).toMatchObject({
        id: older.id,
        status: 'active',
      });
    });

    it('retires, reactivates and records remote deletion', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      await ctx.store.retireHook(hook.id, false);
      expect(await ctx.store.getHook(hook.id)).toMatchObject({ status: 'retired', remoteDeleted: false });
      await ctx.store.reactivateHook(hook.id);
      expect(await ctx.store.getHook(hook.id)).toMatchObject({ status: 'active', remoteDeleted: false });
      await ctx.store.retireHook(hook.id, true);
      expect(await ctx.store.getHook(hook.id)).toMatchObject({ status: 'retired', remoteDeleted: true });
    });

    it('remembers a confirmed remote deletion', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      await ctx.store.setHookRemoteDeleted(hook.id);
      expect((await ctx.store.getHook(hook.id))?.remoteDeleted).toBe(true);
      await ctx.store.retireHook(hook.id, false);
      expect(await ctx.store.getHook(hook.id)).toMatchObject({ status: 'retired', remoteDeleted: true });
    });
  });
}
