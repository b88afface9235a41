import { describe, expect, it } from 'vitest';
import {
  type ContractContext,
  eventFor,
  hookWithChannels,
  newHook,
  subscriptionFor,
  T0,
} from './fixtures.js';

export function describeInbox(ctx: ContractContext): void {
  describe('inbox', () => {
    it('stores an event and queues one job per subscribed channel', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1', 'C2']);
      const event = eventFor(hook);
      expect(await ctx.store.ingestEvent(event)).toEqual({ duplicate: false, enqueued: 2 });
      expect(await ctx.store.listDeploymentEvents(hook.id, event.deploymentId)).toEqual([event]);
      expect(await ctx.store.countEvents()).toBe(1);
      expect(await ctx.store.countEvents({ hookId: hook.id })).toBe(1);
      expect(await ctx.store.countEvents({ hookId: 'hk_other' })).toBe(0);
      const jobs = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      expect(jobs.map((j) => j.channelId).sort()).toEqual(['C1', 'C2']);
      expect(jobs[0]).toMatchObject({
        teamId: hook.teamId,
        deploymentId: event.deploymentId,
        hookId: hook.id,
        projectId: hook.projectId,
        version: 1,
        attempts: 0,
        enqueuedAt: T0,
      });
    });

    it('lists a deployment’s events oldest first', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const started = eventFor(hook, { event: 'deploy.started', receivedAt: T0 });
      const succeeded = eventFor(hook, { ...started, event: 'deploy.succeeded', receivedAt: T0 + 10 });
      await ctx.store.ingestEvent(started);
      await ctx.store.ingestEvent(succeeded);
      await ctx.store.ingestEvent(eventFor(hook));
      const events = await ctx.store.listDeploymentEvents(hook.id, started.deploymentId);
      expect(events.map((e) => e.event)).toEqual(['deploy.started', 'deploy.succeeded']);
    });

    it('lists recent failures to be delivered whose deployment has none of the given records', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const failed = (receivedAt: number, extra: Partial<Parameters<typeof eventFor>[1]> = {}) =>
        eventFor(hook, { event: 'deploy.failed', receivedAt, ...extra });
      const recent = failed(T0 + 10);
      const older = failed(T0 - 1);
      const stale = failed(T0 + 20, { disposition: 'stale' });
      const answered = failed(T0 + 30);
      const found = failed(T0 + 40);
      const started = eventFor(hook, { event: 'deploy.started', receivedAt: T0 + 50 });
      for (const e of [recent, older, stale, answered, found, started]) await ctx.store.ingestEvent(e);
      const record = (e: typeof found, event: string) =>
        ctx.store.ingestEvent({ ...e, event, payload: '{}', disposition: 'unknown' });
      await record(answered, 'x.no-reason');
      await record(found, 'x.reason');
      const unless = ['x.reason', 'x.no-reason'];
      expect(await ctx.store.listRecentFailures(T0, unless, 10)).toEqual([
        {
          teamId: hook.teamId,
          hookId: hook.id,
          projectId: hook.projectId,
          deploymentId: recent.deploymentId,
        },
      ]);
      expect((await ctx.store.listRecentFailures(T0 - 1, unless, 1)).map((f) => f.deploymentId)).toEqual([
        older.deploymentId,
      ]);
      expect(await ctx.store.listRecentFailures(T0, [], 10)).toHaveLength(3);
    });

    it('lists no recent failure of a retired hook', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      await ctx.store.ingestEvent(eventFor(hook, { event: 'deploy.failed', receivedAt: T0 }));
      await ctx.store.retireHook(hook.id, false);
      expect(await ctx.store.listRecentFailures(T0, [], 10)).toEqual([]);
    });

    it('changes nothing for a repeated event', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const event = eventFor(hook);
      await ctx.store.ingestEvent(event);
      const repeat = { ...event, receivedAt: T0 + 5, payload: '{"other":true}' };
      expect(await ctx.store.ingestEvent(repeat)).toEqual({ duplicate: true, enqueued: 0 });
      expect(await ctx.store.countEvents()).toBe(1);
      const [stored] = await ctx.store.listDeploymentEvents(hook.id, event.deploymentId);
      expect(stored?.payload).toBe(event.payload);
      const jobs = await ctx.store.claimJobs('w1', T0 + 10, 60_000, 10);
      expect(jobs.map((j) => j.version)).toEqual([1]);
    });

    it('stores twenty concurrent copies of one event once, with one job', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const event = eventFor(hook);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => ctx.store.ingestEvent({ ...event })),
      );
      expect(results.filter((r) => !r.duplicate)).toEqual([{ duplicate: false, enqueued: 1 }]);
      expect(await ctx.store.countEvents()).toBe(1);
      expect(await ctx.store.queueStats(T0)).toEqual({ depth: 1, oldestAgeMs: 0 });
      expect((await ctx.store.claimJobs('w1', T0, 60_000, 10)).map((j) => j.version)).toEqual([1]);
    });

    it('queues every active subscription whatever its filter (the worker applies it)', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      await ctx.store.upsertSubscription(subscriptionFor(hook, 'C1', { events: ['deploy.failed'] }));
      await ctx.store.upsertSubscription(subscriptionFor(hook, 'C2'));
      const started = eventFor(hook, { event: 'deploy.started' });
      expect(await ctx.store.ingestEvent(started)).toEqual({ duplicate: false, enqueued: 2 });
      const jobs = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      expect(jobs.map((j) => j.channelId).sort()).toEqual(['C1', 'C2']);
      const succeeded = eventFor(hook, { ...started, event: 'deploy.succeeded' });
      expect(await ctx.store.ingestEvent(succeeded)).toEqual({ duplicate: false, enqueued: 2 });
    });

    it('queues nothing for a paused subscription or another hook', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const other = await hookWithChannels(ctx.store, ['C9']);
      await ctx.store.pauseSubscriptions({ teamId: hook.teamId, channelId: 'C1' }, 'not_in_channel');
      expect(await ctx.store.ingestEvent(eventFor(hook))).toEqual({ duplicate: false, enqueued: 0 });
      expect(await ctx.store.countEvents()).toBe(1);
      expect(await ctx.store.claimJobs('w1', T0, 60_000, 10)).toEqual([]);
      expect(await ctx.store.countEvents({ hookId: other.id })).toBe(0);
    });

    it('records stale and unknown events without queueing', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const stale = eventFor(hook, { disposition: 'stale' });
      const unknown = eventFor(hook, { event: 'deploy.paused', disposition: 'unknown' });
      expect(await ctx.store.ingestEvent(stale)).toEqual({ duplicate: false, enqueued: 0 });
      expect(await ctx.store.ingestEvent(unknown)).toEqual({ duplicate: false, enqueued: 0 });
      const [stored] = await ctx.store.listDeploymentEvents(hook.id, unknown.deploymentId);
      expect(stored).toMatchObject({ event: 'deploy.paused', disposition: 'unknown' });
      expect(await ctx.store.countEvents()).toBe(2);
      expect(await ctx.store.queueStats(T0)).toEqual({ depth: 0, oldestAgeMs: 0 });
      expect(await ctx.store.ingestEvent(stale)).toEqual({ duplicate: true, enqueued: 0 });
    });

    it('coalesces events of one deployment into one job with a newer version', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const started = eventFor(hook, { receivedAt: T0 });
      await ctx.store.ingestEvent(started);
      const succeeded = { ...started, event: 'deploy.succeeded', receivedAt: T0 + 50 };
      expect(await ctx.store.ingestEvent(succeeded)).toEqual({ duplicate: false, enqueued: 1 });
      expect(await ctx.store.queueStats(T0 + 100)).toEqual({ depth: 1, oldestAgeMs: 100 });
      const jobs = await ctx.store.claimJobs('w1', T0 + 100, 60_000, 10);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ version: 2, enqueuedAt: T0 });
    });

    it('makes a finished job due again, as new, when a newer event arrives', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const started = eventFor(hook, { receivedAt: T0 });
      await ctx.store.ingestEvent(started);
      const [job] = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      await ctx.store.retryJob(job!, 'w1', T0 + 1, 'timeout', true);
      const [again] = await ctx.store.claimJobs('w1', T0 + 1, 60_000, 10);
      await ctx.store.completeJob(again!, 'w1', again!.version);
      await ctx.store.ingestEvent({ ...started, event: 'deploy.failed', receivedAt: T0 + 500 });
      const [revived] = await ctx.store.claimJobs('w2', T0 + 500, 60_000, 10);
      expect(revived).toMatchObject({ version: 2, attempts: 0, enqueuedAt: T0 + 500, leaseOwner: 'w2' });
    });

    it('never moves a pending job’s backoff earlier', async () => {
      const hook = await hookWithChannels(ctx.store, ['C1']);
      const started = eventFor(hook, { receivedAt: T0 });
      await ctx.store.ingestEvent(started);
      const [job] = await ctx.store.claimJobs('w1', T0, 60_000, 10);
      await ctx.store.retryJob(job!, 'w1', T0 + 10_000, 'ratelimited', true);
      await ctx.store.ingestEvent({ ...started, event: 'deploy.succeeded', receivedAt: T0 + 500 });
      expect(await ctx.store.claimJobs('w1', T0 + 9_999, 60_000, 10)).toEqual([]);
      const [due] = await ctx.store.claimJobs('w1', T0 + 10_000, 60_000, 10);
      expect(due).toMatchObject({ version: 2, attempts: 1, enqueuedAt: T0 });
    });
  });
}
