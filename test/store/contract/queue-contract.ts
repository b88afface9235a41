import { describe, expect, it } from 'vitest';
import type { NewHook } from '../../../src/store/types.js';
import { type ContractContext, eventFor, hookWithChannels, T0 } from './fixtures.js';

const LEASE = 30_000;

export function describeQueue(ctx: ContractContext): void {
  const queueOne = async (hook: NewHook, receivedAt = T0) => {
    const event = eventFor(hook, { receivedAt });
    await ctx.store.ingestEvent(event);
    return event;
  };

  describe('delivery queue', () => {
    it('leases a due job to one owner until the lease expires, then to another', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await queueOne(hook);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      expect(job).toMatchObject({ leaseOwner: 'w1', leaseUntil: T0 + LEASE, version: 1 });
      expect(await ctx.store.claimJobs('w2', T0 + LEASE, LEASE, 10)).toEqual([]);
      const [taken] = await ctx.store.claimJobs('w2', T0 + LEASE + 1, LEASE, 10);
      expect(taken).toMatchObject({ leaseOwner: 'w2', deploymentId: job!.deploymentId });
      await ctx.store.completeJob(job!, 'w1', job!.version);
      expect((await ctx.store.queueStats(T0)).depth).toBe(1);
      await ctx.store.completeJob(taken!, 'w2', taken!.version);
      expect((await ctx.store.queueStats(T0)).depth).toBe(0);
    });

    it('renews only the leases its owner still holds, so a renewed job is not taken over', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1', 'C2']);
      await queueOne(hook);
      const [mine] = await ctx.store.claimJobs('w1', T0, LEASE, 1);
      const [theirs] = await ctx.store.claimJobs('w2', T0, LEASE, 1);
      expect(await ctx.store.renewLeases('w1', T0 + 2 * LEASE)).toBe(1);

      const afterFirstLease = await ctx.store.claimJobs('w3', T0 + LEASE + 1, LEASE, 10);
      expect(afterFirstLease).toEqual([
        expect.objectContaining({ channelId: theirs!.channelId, leaseOwner: 'w3' }),
      ]);
      const afterRenewed = await ctx.store.claimJobs('w3', T0 + 2 * LEASE + 1, LEASE, 10);
      expect(afterRenewed).toEqual([
        expect.objectContaining({ channelId: mine!.channelId, leaseOwner: 'w3' }),
      ]);
      expect(await ctx.store.renewLeases('w1', T0 + 4 * LEASE)).toBe(0);
      await ctx.store.completeJob(mine!, 'w1', mine!.version);
      expect((await ctx.store.queueStats(T0)).depth).toBe(2);
    });

    it('hands out one job per channel and none for a channel already being served', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const first = await queueOne(hook, T0);
      const second = await queueOne(hook, T0 + 1);
      const claimed = await ctx.store.claimJobs('w1', T0 + 5, LEASE, 10);
      expect(claimed.map((j) => j.deploymentId)).toEqual([first.deploymentId]);
      expect(await ctx.store.claimJobs('w2', T0 + 5, LEASE, 10)).toEqual([]);
      await ctx.store.completeJob(claimed[0]!, 'w1', 1);
      const next = await ctx.store.claimJobs('w2', T0 + 5, LEASE, 10);
      expect(next.map((j) => j.deploymentId)).toEqual([second.deploymentId]);
    });

    it('does not hold up other channels, takes the oldest first and respects the limit', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1', 'C2']);
      await queueOne(hook, T0);
      const busy = await ctx.store.claimJobs('w0', T0, LEASE, 1);
      expect(busy.map((j) => j.channelId)).toEqual(['C1']);
      const late = await hookWithChannels(ctx.store, ['C4']);
      const early = await hookWithChannels(ctx.store, ['C5']);
      await queueOne(late, T0 + 300);
      await queueOne(early, T0 + 100);
      await queueOne(hook, T0 + 200);
      const claimed = await ctx.store.claimJobs('w1', T0 + 1_000, LEASE, 2);
      expect(claimed.map((j) => j.channelId)).toEqual(['C2', 'C5']);
      const rest = await ctx.store.claimJobs('w1', T0 + 1_000, LEASE, 10);
      expect(rest.map((j) => j.channelId)).toEqual(['C4']);
    });

    it('finds the head of every channel across workspaces, however deep each channel is', async () => {
      // Three workspaces, channels with several jobs each (a later one not due yet) and one whose
      // oldest job is not due: exactly each due channel's oldest job comes back, oldest first.
      const a = await hookWithChannels(ctx.store, ['C1', 'C3'], { teamId: 'TA' });
      const b = await hookWithChannels(ctx.store, ['C2'], { teamId: 'TB' });
      const c = await hookWithChannels(ctx.store, ['C1'], { teamId: 'TC' });
      const heads = new Map<string, string>();
      for (const [hook, receivedAt] of [
        [b, T0 + 10],
        [a, T0 + 20],
        [c, T0 + 5_000],
      ] as const) {
        for (let i = 0; i < 3; i += 1) {
          const event = await queueOne(hook, receivedAt + i);
          if (i === 0) heads.set(hook.teamId, event.deploymentId);
        }
      }
      await queueOne(b, T0 + 9_000);
      const claimed = await ctx.store.claimJobs('w1', T0 + 1_000, LEASE, 10);
      expect(claimed.map((j) => `${j.teamId}/${j.channelId}/${j.deploymentId}`)).toEqual([
        `TB/C2/${heads.get('TB')}`,
        `TA/C1/${heads.get('TA')}`,
        `TA/C3/${heads.get('TA')}`,
      ]);
      const later = await ctx.store.claimJobs('w2', T0 + 6_000, LEASE, 10);
      expect(later.map((j) => `${j.teamId}/${j.channelId}/${j.deploymentId}`)).toEqual([
        `TC/C1/${heads.get('TC')}`,
      ]);
    });

    it('marks a job done when its version is current', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await queueOne(hook);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.completeJob(job!, 'w1', job!.version);
      expect(await ctx.store.queueStats(T0)).toEqual({ depth: 0, oldestAgeMs: 0 });
      expect(await ctx.store.claimJobs('w1', T0 + LEASE * 2, LEASE, 10)).toEqual([]);
    });

    it('leaves a job due when it is completed with an older version', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const event = await queueOne(hook);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.ingestEvent({ ...event, event: 'deploy.succeeded', receivedAt: T0 + 10 });
      await ctx.store.completeJob(job!, 'w1', job!.version);
      const [again] = await ctx.store.claimJobs('w1', T0 + 20, LEASE, 10);
      expect(again).toMatchObject({ deploymentId: event.deploymentId, version: 2 });
    });

    it('schedules a retry and counts only the attempts asked for', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await queueOne(hook);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.retryJob(job!, 'w1', T0 + 5_000, 'fetch failed', true);
      expect(await ctx.store.claimJobs('w1', T0 + 4_999, LEASE, 10)).toEqual([]);
      const [second] = await ctx.store.claimJobs('w1', T0 + 5_000, LEASE, 10);
      expect(second?.attempts).toBe(1);
      await ctx.store.retryJob(second!, 'w1', T0 + 6_000, 'ratelimited', false);
      const [third] = await ctx.store.claimJobs('w1', T0 + 6_000, LEASE, 10);
      expect(third?.attempts).toBe(1);
    });

    it('drops a job for good until a newer event arrives', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const event = await queueOne(hook);
      const [first] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.retryJob(first!, 'w1', T0, 'fetch failed', true);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.dropJob(job!, 'w1', 'channel_not_found');
      expect((await ctx.store.queueStats(T0)).depth).toBe(0);
      expect(await ctx.store.claimJobs('w1', T0 + LEASE * 2, LEASE, 10)).toEqual([]);
      await ctx.store.ingestEvent({ ...event, event: 'deploy.failed', receivedAt: T0 + 100 });
      const revived = await ctx.store.claimJobs('w1', T0 + 100, LEASE, 10);
      expect(revived.map(({ version, attempts, enqueuedAt }) => ({ version, attempts, enqueuedAt }))).toEqual(
        [{ version: 2, attempts: 0, enqueuedAt: T0 + 100 }],
      );
    });

    it('ignores complete, retry and drop from an owner that does not hold the lease', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await queueOne(hook);
      const [job] = await ctx.store.claimJobs('w1', T0, LEASE, 10);
      await ctx.store.completeJob(job!, 'w2', job!.version);
      await ctx.store.dropJob(job!, 'w2', 'nope');
      await ctx.store.retryJob(job!, 'w2', T0, 'nope', true);
      expect(await ctx.store.claimJobs('w3', T0 + 1, LEASE, 10)).toEqual([]);
      expect((await ctx.store.queueStats(T0)).depth).toBe(1);
      const [expired] = await ctx.store.claimJobs('w3', T0 + LEASE + 1, LEASE, 10);
      expect(expired?.attempts).toBe(0);
    });

    it('skips a held workspace until the hold ends, and never shortens a hold', async () => {
      const held = await hookWithChannels(ctx.store, ['C1']);
      const free = await hookWithChannels(ctx.store, ['C1'], { teamId: 'T2' });
      await queueOne(held);
      await queueOne(free);
      await ctx.store.holdWorkspace('T1', T0 + 5_000);
      await ctx.store.holdWorkspace('T1', T0 + 3_000);
      expect(await ctx.store.getWorkspaceHold('T1')).toBe(T0 + 5_000);
      expect(await ctx.store.getWorkspaceHold('T2')).toBe(0);
      const claimed = await ctx.store.claimJobs('w1', T0 + 4_000, LEASE, 10);
      expect(claimed.map((j) => j.teamId)).toEqual(['T2']);
      await ctx.store.holdWorkspace('T1', T0 + 8_000);
      expect(await ctx.store.claimJobs('w1', T0 + 7_999, LEASE, 10)).toEqual([]);
      const after = await ctx.store.claimJobs('w1', T0 + 8_000, LEASE, 10);
      expect(after.map((j) => j.teamId)).toEqual(['T1']);
    });

    it('reports depth and the age of the oldest pending event, leased jobs included', async () => {
      expect(await ctx.store.queueStats(T0)).toEqual({ depth: 0, oldestAgeMs: 0 });
      const hook = await hookWithChannels(ctx.store, ['C1', 'C2']);
      await queueOne(hook, T0);
      await queueOne(hook, T0 + 400);
      await ctx.store.claimJobs('w1', T0 + 500, LEASE, 10);
      expect(await ctx.store.queueStats(T0 + 1_000)).toEqual({ depth: 4, oldestAgeMs: 1_000 });
    });
  });
}
