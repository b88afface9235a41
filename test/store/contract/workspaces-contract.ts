import { describe, expect, it } from 'vitest';
import type { InstallationRecord } from '../../../src/store/types.js';
import { type ContractContext, eventFor, hookWithChannels, T0 } from './fixtures.js';

export const installation = (teamId: string, token = `xoxb-${teamId}-secret-token`): InstallationRecord => ({
  teamId,
  enterpriseId: null,
  installationJson: JSON.stringify({ team: { id: teamId }, bot: { token } }),
  botToken: token,
  botUserId: 'UBOT',
  installedAt: T0,
});

export function describeWorkspaces(ctx: ContractContext): void {
  describe('workspaces', () => {
    it('saves, replaces and reads installations', async () => {
      expect(await ctx.store.getInstallation('T1')).toBeUndefined();
      await ctx.store.saveInstallation(installation('T1', 'xoxb-old'));
      const replacement = { ...installation('T1', 'xoxb-new'), enterpriseId: 'E1', installedAt: T0 + 1 };
      await ctx.store.saveInstallation(replacement);
      expect(await ctx.store.getInstallation('T1')).toEqual(replacement);
      expect(await ctx.store.getInstallation('T2')).toBeUndefined();
    });

    it('sets, replaces, reads and deletes a workspace API key', async () => {
      const key = {
        teamId: 'T1',
        apiKey: 'sk_live_one',
        label: '3 projects',
        createdBy: 'U1',
        createdAt: T0,
      };
      await ctx.store.setApiKey(key);
      await ctx.store.setApiKey({ ...key, apiKey: 'sk_live_two', createdAt: T0 + 1 });
      expect(await ctx.store.getApiKey('T1')).toEqual({ ...key, apiKey: 'sk_live_two', createdAt: T0 + 1 });
      expect(await ctx.store.deleteApiKey('T1')).toBe(true);
      expect(await ctx.store.deleteApiKey('T1')).toBe(false);
      expect(await ctx.store.getApiKey('T1')).toBeUndefined();
    });

    it('forgets a workspace: tokens, key, subscriptions, hold and jobs gone, hooks retired', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1', 'C2']);
      const kept = await hookWithChannels(ctx.store, ['C1'], { teamId: 'T2' });
      await ctx.store.saveInstallation(installation('T1'));
      await ctx.store.saveInstallation(installation('T2'));
      await ctx.store.setApiKey({ teamId: 'T1', apiKey: 'k', label: null, createdBy: null, createdAt: T0 });
      await ctx.store.holdWorkspace('T1', T0 + 60_000);
      await ctx.store.ingestEvent(eventFor(hook));
      await ctx.store.ingestEvent(eventFor(kept));
      const retired = await ctx.store.forgetWorkspace('T1');
      expect(retired).toEqual([
        { ...hook, status: 'retired', remoteDeleted: false, createdAt: expect.any(Number) },
      ]);
      expect((await ctx.store.getHook(hook.id))?.status).toBe('retired');
      expect(await ctx.store.getInstallation('T1')).toBeUndefined();
      expect(await ctx.store.getApiKey('T1')).toBeUndefined();
      expect(await ctx.store.listSubscriptions({ teamId: 'T1' })).toEqual([]);
      expect(await ctx.store.getWorkspaceHold('T1')).toBe(0);
      const jobs = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      expect(jobs.map((j) => j.teamId)).toEqual(['T2']);
      expect((await ctx.store.getHook(kept.id))?.status).toBe('active');
      expect(await ctx.store.getInstallation('T2')).toBeDefined();
    });

    it('forgets idempotently', async () => {
      await hookWithChannels(ctx.store, ['C1']);
      await ctx.store.saveInstallation(installation('T1'));
      expect(await ctx.store.forgetWorkspace('T1')).toHaveLength(1);
      expect(await ctx.store.forgetWorkspace('T1')).toEqual([]);
      expect(await ctx.store.forgetWorkspace('T-never-seen')).toEqual([]);
    });

    it('keeps an OAuth state for one use before it expires', async () => {
      await ctx.store.saveOAuthState('s1', '{"redirect":"a"}', T0 + 600_000);
      await ctx.store.saveOAuthState('s2', '{"redirect":"b"}', T0 + 600_000);
      expect(await ctx.store.consumeOAuthState('s1', T0)).toBe('{"redirect":"a"}');
      expect(await ctx.store.consumeOAuthState('s1', T0)).toBeUndefined();
      expect(await ctx.store.consumeOAuthState('s2', T0 + 600_000)).toBeUndefined();
      expect(await ctx.store.consumeOAuthState('s2', T0)).toBeUndefined();
      expect(await ctx.store.consumeOAuthState('unknown', T0)).toBeUndefined();
    });
  });
}
