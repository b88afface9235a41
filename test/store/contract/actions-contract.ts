import { describe, expect, it } from 'vitest';
import type { ActionPressKey, ActionRecord } from '../../../src/store/types.js';
import { type ContractContext, T0 } from './fixtures.js';

const PRESS: ActionPressKey = {
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1700000001.000001',
  action: 'redeploy',
};

const record = (at: number, result = 'started'): ActionRecord => ({
  ...PRESS,
  projectId: 'p1',
  deploymentId: 'd1',
  userId: 'U1',
  at,
  result,
  newDeploymentId: result === 'started' ? `new-${at}` : null,
});

export function describeActions(ctx: ContractContext): void {
  describe('actions and mentions', () => {
    it('action access is off until set, and is replaced when set again', async () => {
      expect(await ctx.store.getActionAccess('T1')).toEqual({ mode: 'off' });
      await ctx.store.setActionAccess(
        'T1',
        { mode: 'members', mentions: ['<@U1>', '<!subteam^S1>'] },
        'UADMIN',
        T0,
      );
      expect(await ctx.store.getActionAccess('T1')).toEqual({
        mode: 'members',
        mentions: ['<@U1>', '<!subteam^S1>'],
      });
      await ctx.store.setActionAccess('T1', { mode: 'everyone' }, 'UADMIN', T0 + 1);
      expect(await ctx.store.getActionAccess('T1')).toEqual({ mode: 'everyone' });
      expect(await ctx.store.getActionAccess('T2')).toEqual({ mode: 'off' });
    });

    it('a press is claimed once per window, whoever presses, for that message and action only', async () => {
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => ctx.store.claimActionPress(PRESS, T0, 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await ctx.store.claimActionPress(PRESS, T0 + 59_999, 60_000)).toBe(false);
      expect(await ctx.store.claimActionPress({ ...PRESS, action: 'rollback' }, T0, 60_000)).toBe(true);
      expect(await ctx.store.claimActionPress({ ...PRESS, messageTs: '2.0' }, T0, 60_000)).toBe(true);
      expect(await ctx.store.claimActionPress(PRESS, T0 + 60_000, 60_000)).toBe(true);
      expect(await ctx.store.claimActionPress(PRESS, T0 + 60_001, 60_000)).toBe(false);
    });

    it('records actions and lists a workspace’s newest first', async () => {
      await ctx.store.recordAction(record(T0, 'conflict'));
      await ctx.store.recordAction(record(T0 + 5));
      await ctx.store.recordAction({ ...record(T0 + 9), teamId: 'T2' });
      expect(await ctx.store.listActions('T1')).toEqual([record(T0 + 5), record(T0, 'conflict')]);
      expect(await ctx.store.listActions('T1', 1)).toEqual([record(T0 + 5)]);
    });

    it('mentions per channel and project; [] removes them', async () => {
      expect(await ctx.store.getMentions('T1', 'C1', 'p1')).toEqual([]);
      await ctx.store.setMentions('T1', 'C1', 'p1', ['<@U1>', '<!here>']);
      await ctx.store.setMentions('T1', 'C2', 'p1', ['<@U2>']);
      expect(await ctx.store.getMentions('T1', 'C1', 'p1')).toEqual(['<@U1>', '<!here>']);
      await ctx.store.setMentions('T1', 'C1', 'p1', []);
      expect(await ctx.store.getMentions('T1', 'C1', 'p1')).toEqual([]);
      expect(await ctx.store.getMentions('T1', 'C2', 'p1')).toEqual(['<@U2>']);
    });

    it('forgetting a workspace forgets its action settings, records and mentions', async () => {
      await ctx.store.setActionAccess('T1', { mode: 'everyone' }, 'U1', T0);
      await ctx.store.recordAction(record(T0));
      await ctx.store.setMentions('T1', 'C1', 'p1', ['<@U1>']);
      await ctx.store.forgetWorkspace('T1');
      expect(await ctx.store.getActionAccess('T1')).toEqual({ mode: 'off' });
      expect(await ctx.store.listActions('T1')).toEqual([]);
      expect(await ctx.store.getMentions('T1', 'C1', 'p1')).toEqual([]);
    });
  });
}
