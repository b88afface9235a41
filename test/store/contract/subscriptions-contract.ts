import { describe, expect, it } from 'vitest';
import {
  type ContractContext,
  eventFor,
  hookWithChannels,
  newHook,
  subscriptionFor,
  T0,
} from './fixtures.js';

export function describeSubscriptions(ctx: ContractContext): void {
  describe('subscriptions', () => {
    it('creates, then updates the filter and hook of the same subscription', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      const first = await ctx.store.upsertSubscription(
        subscriptionFor(hook, 'C1', { events: ['deploy.failed'] }),
      );
      expect(first.created).toBe(true);
      expect(first.subscription).toMatchObject({
        teamId: hook.teamId,
        channelId: 'C1',
        projectId: hook.projectId,
        hookId: hook.id,
        events: ['deploy.failed'],
        state: 'active',
        pausedReason: null,
        createdBy: 'U1',
      });
      const newer = newHook({ teamId: hook.teamId, projectId: hook.projectId });
      await ctx.store.retireHook(hook.id, false);
      await ctx.store.insertHook(newer);
      const events = ['deploy.started', 'deploy.succeeded'] as const;
      const second = await ctx.store.upsertSubscription(
        subscriptionFor(newer, 'C1', { events: [...events], createdBy: 'U2' }),
      );
      expect(second.created).toBe(false);
      expect(second.subscription).toMatchObject({ hookId: newer.id, events: [...events], createdBy: 'U1' });
      expect(second.subscription.createdAt).toBe(first.subscription.createdAt);
      expect(await ctx.store.getSubscription(hook.teamId, 'C1', hook.projectId)).toEqual(second.subscription);
    });

    it('resumes a paused subscription on upsert', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await ctx.store.pauseSubscriptions({ teamId: hook.teamId, channelId: 'C1' }, 'not_in_channel');
      const paused = await ctx.store.getSubscription(hook.teamId, 'C1', hook.projectId);
      expect(paused).toMatchObject({ state: 'paused', pausedReason: 'not_in_channel' });
      const { created, subscription } = await ctx.store.upsertSubscription(subscriptionFor(hook, 'C1'));
      expect(created).toBe(false);
      expect(subscription).toMatchObject({ state: 'active', pausedReason: null });
    });

    it('deletes and returns the removed subscription once', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const removed = await ctx.store.deleteSubscription(hook.teamId, 'C1', hook.projectId);
      expect(removed).toMatchObject({ channelId: 'C1', hookId: hook.id });
      expect(await ctx.store.deleteSubscription(hook.teamId, 'C1', hook.projectId)).toBeUndefined();
      expect(await ctx.store.getSubscription(hook.teamId, 'C1', hook.projectId)).toBeUndefined();
      expect(await ctx.store.countSubscriptionsForHook(hook.id)).toBe(0);
    });

    it('lists by workspace or channel and counts per hook', async () => {
      const a = await hookWithChannels(ctx.store, ['C1', 'C2']);
      const b = await hookWithChannels(ctx.store, ['C1']);
      const other = await hookWithChannels(ctx.store, ['C1'], { teamId: 'T2' });
      const keys = (subs: Array<{ channelId: string; projectId: string }>) =>
        subs.map((s) => `${s.channelId}/${s.projectId}`).sort();
      expect(keys(await ctx.store.listSubscriptions({ teamId: 'T1' }))).toEqual(
        [`C1/${a.projectId}`, `C2/${a.projectId}`, `C1/${b.projectId}`].sort(),
      );
      expect(keys(await ctx.store.listSubscriptions({ teamId: 'T1', channelId: 'C1' }))).toEqual(
        [`C1/${a.projectId}`, `C1/${b.projectId}`].sort(),
      );
      expect(await ctx.store.listSubscriptions({ teamId: 'T3' })).toEqual([]);
      await ctx.store.pauseSubscriptions({ teamId: 'T1', channelId: 'C2' }, 'is_archived');
      expect(await ctx.store.countSubscriptionsForHook(a.id)).toBe(2);
      expect(await ctx.store.countSubscriptionsForHook(other.id)).toBe(1);
    });

    it('pauses by subscription, channel or workspace and counts only those that changed', async () => {
      const a = await hookWithChannels(ctx.store, ['C1', 'C2']);
      const b = await hookWithChannels(ctx.store, ['C1', 'C3']);
      const other = await hookWithChannels(ctx.store, ['C1'], { teamId: 'T2' });
      const state = async (hook: typeof a, channel: string) =>
        (await ctx.store.getSubscription(hook.teamId, channel, hook.projectId))?.state;
      const one = { teamId: 'T1', channelId: 'C1', projectId: a.projectId };
      expect(await ctx.store.pauseSubscriptions(one, 'not_in_channel')).toBe(1);
      expect(await ctx.store.pauseSubscriptions(one, 'not_in_channel')).toBe(0);
      expect(await state(b, 'C1')).toBe('active');
      expect(await ctx.store.pauseSubscriptions({ teamId: 'T1', channelId: 'C1' }, 'is_archived')).toBe(1);
      expect(await state(a, 'C2')).toBe('active');
      expect(await ctx.store.pauseSubscriptions({ teamId: 'T1' }, 'invalid_auth')).toBe(2);
      expect(await state(a, 'C2')).toBe('paused');
      expect(await state(b, 'C3')).toBe('paused');
      expect(await state(other, 'C1')).toBe('active');
      expect((await ctx.store.getSubscription('T1', 'C1', a.projectId))?.pausedReason).toBe('not_in_channel');
    });

    it('cancels the queued jobs of what it pauses, and only those', async () => {
      const a = await hookWithChannels(ctx.store, ['C1', 'C2']);
      const b = await hookWithChannels(ctx.store, ['C1']);
      await ctx.store.ingestEvent(eventFor(a));
      await ctx.store.ingestEvent(eventFor(b));
      expect((await ctx.store.queueStats(T0)).depth).toBe(3);
      await ctx.store.pauseSubscriptions({ teamId: 'T1', channelId: 'C1', projectId: a.projectId }, 'x');
      expect((await ctx.store.queueStats(T0)).depth).toBe(2);
      const claimed = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      const keys = claimed.map((j) => `${j.channelId}/${j.hookId}`).sort();
      expect(keys).toEqual([`C1/${b.id}`, `C2/${a.id}`].sort());
    });
  });
}
