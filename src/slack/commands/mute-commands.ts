import { SIGNAL_NOTES } from '../../blocks/commands/render-signal-notes.js';
import { projectLabel } from '../../blocks/commands/render-subscription-list.js';
import { endMute } from '../../signals/end-mute.js';
import { MUTE_ALL } from '../../store/signal-types.js';
import { findByProject, listChannelSubscriptions } from './channel-subscriptions.js';
import { type CommandContext, type CommandDeps, type CommandResult, note } from './command-types.js';

const isAll = (target: string) => target.toLowerCase() === 'all';

/** `/sota mute <project|all> [duration]`: holds back new messages in this channel until the time is up. */
export function createMuteCommand(deps: CommandDeps) {
  return async (ctx: CommandContext, target: string, durationMs: number): Promise<CommandResult> => {
    let muteTarget = MUTE_ALL;
    let what = 'All sota.io deployments are';
    if (!isAll(target)) {
      const subs = await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId);
      const match = findByProject(subs, target);
      if (!match) return note(SIGNAL_NOTES.notFollowed(target));
      muteTarget = match.projectId;
      what = `${projectLabel(match)} is`;
    }
    const now = deps.now();
    const mute = await deps.store.setMute({
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      target: muteTarget,
      mutedAt: now,
      until: now + durationMs,
      createdBy: ctx.userId,
    });
    deps.logger.info(
      { teamId: ctx.teamId, channelId: ctx.channelId, target: muteTarget, until: mute.until },
      'muted',
    );
    return note(SIGNAL_NOTES.muted(what, mute.until, isAll(target) ? 'all' : target));
  };
}

/** `/sota unmute <project|all>`: ends the mute now, with its one summary (`all` ends every mute here). */
export function createUnmuteCommand(deps: CommandDeps) {
  return async (ctx: CommandContext, target: string): Promise<CommandResult> => {
    const mutes = await deps.store.listMutes({ teamId: ctx.teamId, channelId: ctx.channelId });
    let chosen = mutes;
    if (!isAll(target)) {
      const subs = await listChannelSubscriptions(deps.store, ctx.teamId, ctx.channelId);
      const match = findByProject(subs, target);
      chosen = match ? mutes.filter((m) => m.target === match.projectId) : [];
    }
    let ended = 0;
    for (const mute of chosen) if (await endMute(deps, mute, 'command')) ended += 1;
    if (ended === 0) return note(SIGNAL_NOTES.notMuted(target));
    deps.wakeNotices?.();
    return note(SIGNAL_NOTES.unmuted(ended));
  };
}

/** `/sota digest <HH:MM> [zone]` and `/sota digest off`. */
export function createDigestCommand(deps: CommandDeps) {
  return async (
    ctx: CommandContext,
    setting: { time: string; timeZone: string } | 'off',
  ): Promise<CommandResult> => {
    if (setting === 'off')
      return note(SIGNAL_NOTES.digestOff(await deps.store.deleteDigest(ctx.teamId, ctx.channelId)));
    await deps.store.setDigest({
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      ...setting,
      createdBy: ctx.userId,
      updatedAt: deps.now(),
    });
    return note(SIGNAL_NOTES.digestOn(setting.time, setting.timeZone));
  };
}
