import { describe, expect, it } from 'vitest';
import { type ContractContext, nextMillisecond } from './fixtures.js';

export function describeMessages(ctx: ContractContext): void {
  describe('messages', () => {
    const key = { teamId: 'T1', channelId: 'C1', deploymentId: 'd-1' };

    it('creates a record and merges later saves, keeping fields left undefined', async () => {
      expect(await ctx.store.getMessage('T1', 'C1', 'd-1')).toBeUndefined();
      const before = Date.now();
      await ctx.store.saveMessage({
        ...key,
        ts: '1700000000.000100',
        shownStatus: 'started',
        shownHash: 'h1',
      });
      const created = await ctx.store.getMessage('T1', 'C1', 'd-1');
      expect(created).toMatchObject({ ...key, ts: '1700000000.000100', shownStatus: 'started' });
      expect(created).toMatchObject({ shownHash: 'h1', repliedStatus: null });
      expect(created!.updatedAt).toBeGreaterThanOrEqual(before);
      await ctx.store.saveMessage({ ...key, shownStatus: 'succeeded', repliedStatus: 'succeeded' });
      expect(await ctx.store.getMessage('T1', 'C1', 'd-1')).toMatchObject({
        ts: '1700000000.000100',
        shownStatus: 'succeeded',
        shownHash: 'h1',
        repliedStatus: 'succeeded',
      });
      await ctx.store.saveMessage({ ...key, shownHash: null });
      expect((await ctx.store.getMessage('T1', 'C1', 'd-1'))?.shownHash).toBeNull();
    });

    it('starts a record with only what was given', async () => {
      await ctx.store.saveMessage({ ...key, shownHash: 'h0' });
      expect(await ctx.store.getMessage('T1', 'C1', 'd-1')).toMatchObject({
        ts: null,
        shownStatus: null,
        shownHash: 'h0',
        repliedStatus: null,
      });
      expect(await ctx.store.getMessage('T1', 'C2', 'd-1')).toBeUndefined();
    });

    it('reports the last update per channel of a workspace', async () => {
      const stamp = async (channelId: string, deploymentId: string) =>
        (await ctx.store.getMessage('T1', channelId, deploymentId))!.updatedAt;
      await ctx.store.saveMessage({ teamId: 'T1', channelId: 'C2', deploymentId: 'd-3', ts: '1.3' });
      await ctx.store.saveMessage({ teamId: 'T1', channelId: 'C1', deploymentId: 'd-1', ts: '1.1' });
      await nextMillisecond();
      await ctx.store.saveMessage({ teamId: 'T1', channelId: 'C1', deploymentId: 'd-2', ts: '1.2' });
      await ctx.store.saveMessage({ teamId: 'T2', channelId: 'C9', deploymentId: 'd-4', ts: '1.4' });
      expect(await stamp('C1', 'd-2')).toBeGreaterThan(await stamp('C1', 'd-1'));
      const last = await ctx.store.lastDeliveries('T1');
      expect([...last].sort((a, b) => a.channelId.localeCompare(b.channelId))).toEqual([
        { channelId: 'C1', updatedAt: await stamp('C1', 'd-2') },
        { channelId: 'C2', updatedAt: await stamp('C2', 'd-3') },
      ]);
      expect(await ctx.store.lastDeliveries('T3')).toEqual([]);
    });
  });
}
