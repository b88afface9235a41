import { describe, expect, it } from 'vitest';
import type { NewNotice } from '../../../src/store/signal-types.js';
import { type ContractContext, eventFor, newHook, subscriptionFor, T0 } from './fixtures.js';

const notice = (key: string, over: Partial<NewNotice> = {}): NewNotice => ({
  key,
  teamId: 'T1',
  channelId: 'C1',
  kind: 'digest',
  message: { text: 'hello', blocks: [] },
  createdAt: T0,
  ...over,
});

export function describeSignals(ctx: ContractContext): void {
  describe('mutes, digests and notices', () => {
    it('keeps a mute’s start when it is extended, and ends it once with its summary claimed', async () => {
      const mute = {
        teamId: 'T1',
        channelId: 'C1',
        target: '*',
        mutedAt: T0,
        until: T0 + 1000,
        createdBy: 'U1',
      };
      await ctx.store.setMute(mute);
      const extended = await ctx.store.setMute({ ...mute, mutedAt: T0 + 500, until: T0 + 5000 });
      expect(extended).toMatchObject({ mutedAt: T0, until: T0 + 5000 });
      expect(await ctx.store.listEndedMutes(T0 + 4999, 10)).toEqual([]);
      expect(await ctx.store.listEndedMutes(T0 + 5000, 10)).toHaveLength(1);
      const summary = notice('mute:T1:C1:*:1', { kind: 'mute_summary' });
      expect(await ctx.store.endMute({ ...mute, mutedAt: T0 + 500 }, summary)).toBe(false);
      expect(await ctx.store.endMute(mute, summary)).toBe(true);
      expect(await ctx.store.endMute(mute, summary)).toBe(false);
      expect(await ctx.store.listMutes({ teamId: 'T1' })).toEqual([]);
      expect(await ctx.store.getNotice(summary.key)).toMatchObject({
        state: 'pending',
        kind: 'mute_summary',
      });
    });

    it('stores one digest setting per channel', async () => {
      const d = {
        teamId: 'T1',
        channelId: 'C1',
        time: '09:00',
        timeZone: 'UTC',
        createdBy: 'U1',
        updatedAt: T0,
      };
      await ctx.store.setDigest(d);
      await ctx.store.setDigest({ ...d, time: '17:30', timeZone: 'Europe/Berlin' });
      expect(await ctx.store.listDigests()).toEqual([{ ...d, time: '17:30', timeZone: 'Europe/Berlin' }]);
      expect(await ctx.store.deleteDigest('T1', 'C1')).toBe(true);
      expect(await ctx.store.deleteDigest('T1', 'C1')).toBe(false);
      expect(await ctx.store.getDigest('T1', 'C1')).toBeUndefined();
    });

    it('claims a notice key once, leases it to one owner, and records the result', async () => {
      expect(await ctx.store.claimNotice(notice('k1'))).toBe(true);
      expect(await ctx.store.claimNotice(notice('k1', { message: { text: 'other', blocks: [] } }))).toBe(
        false,
      );
      expect(await ctx.store.claimNotice(notice('k2', { message: null }))).toBe(true);
      expect((await ctx.store.getNotice('k2'))?.state).toBe('skipped');
      const [a, b] = await Promise.all([
        ctx.store.leaseNotices('a', T0, 30_000, 10),
        ctx.store.leaseNotices('b', T0, 30_000, 10),
      ]);
      expect([...(a ?? []), ...(b ?? [])].map((n) => n.key)).toEqual(['k1']);
      const owner = a?.length ? 'a' : 'b';
      await ctx.store.retryNotice('k1', owner, T0 + 1000, 'ratelimited');
      expect(await ctx.store.leaseNotices('c', T0 + 999, 30_000, 10)).toEqual([]);
      const [again] = await ctx.store.leaseNotices('c', T0 + 1000, 30_000, 10);
      expect(again).toMatchObject({ key: 'k1', attempts: 1, message: { text: 'hello', blocks: [] } });
      await ctx.store.finishNotice('k1', 'c', { ts: '1.2' });
      expect(await ctx.store.getNotice('k1')).toMatchObject({ state: 'sent', ts: '1.2' });
      expect(await ctx.store.leaseNotices('d', T0 + 99_999, 30_000, 10)).toEqual([]);
    });

    it('lists a hook’s delivered events newest first, and renames its project', async () => {
      const hook = newHook();
      await ctx.store.insertHook(hook);
      await ctx.store.upsertSubscription(subscriptionFor(hook, 'C1', { events: ['deploy.failed'] }));
      await ctx.store.ingestEvent(
        eventFor(hook, { deploymentId: 'd1', event: 'deploy.started', receivedAt: T0 }),
      );
      await ctx.store.ingestEvent(
        eventFor(hook, { deploymentId: 'd1', event: 'deploy.succeeded', receivedAt: T0 + 1 }),
      );
      await ctx.store.ingestEvent(
        eventFor(hook, {
          deploymentId: 'd2',
          event: 'deploy.renamed',
          receivedAt: T0 + 2,
          disposition: 'unknown',
        }),
      );
      const events = await ctx.store.listHookEvents(hook.id, 10);
      expect(events.map((e) => `${e.deploymentId} ${e.event}`)).toEqual([
        'd1 deploy.succeeded',
        'd1 deploy.started',
      ]);
      expect(await ctx.store.listHookEvents(hook.id, 1)).toHaveLength(1);
      expect((await ctx.store.listHooksToRefresh(T0, 10)).map((h) => h.id)).toContain(hook.id);
      await ctx.store.renameHookProject(hook.id, 'Shop', 'shop', T0);
      expect(await ctx.store.getHook(hook.id)).toMatchObject({ projectName: 'Shop', projectSlug: 'shop' });
      expect((await ctx.store.listHooksToRefresh(T0, 10)).map((h) => h.id)).not.toContain(hook.id);
      expect((await ctx.store.listHooksToRefresh(T0 + 1, 10)).map((h) => h.id)).toContain(hook.id);
    });
  });
}
