/**
 * Parsers of the subcommands that shape what a channel hears: `mute`, `unmute`, `digest`.
 * Pure; every refusal carries the subcommand's usage line.
 */

export const MUTE_DEFAULT_MS = 3600_000;
export const MUTE_MAX_MS = 7 * 24 * 3600_000;

export const USAGE = {
  mute: '`/sota mute &lt;project|all&gt; [30m|2h|1d…]` — default 1 h, at most 7 d.',
  unmute: '`/sota unmute &lt;project|all&gt;`',
  digest:
    '`/sota digest &lt;HH:MM&gt; [IANA time zone]` (e.g. `/sota digest 09:00 Europe/Berlin`) or `/sota digest off`.',
} as const;

export type SignalCommand =
  | { kind: 'mute'; target: string; durationMs: number }
  | { kind: 'unmute'; target: string }
  | { kind: 'digest'; time: string; timeZone: string }
  | { kind: 'digest-off' };

export type Parsed<T> = T | { kind: 'invalid'; reason: string };

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3600_000, d: 24 * 3600_000 };
const DURATION = /^(?:(\d{1,4})d)?(?:(\d{1,5})h)?(?:(\d{1,6})m(?:in)?)?$/i;

/** "30m", "2h", "1d", "1h30m" → ms; undefined when it is not such a duration or is zero. */
export function parseDuration(word: string): number | undefined {
  const m = DURATION.exec(word);
  if (!m || word === '') return undefined;
  const [, d, h, min] = m;
  const ms = Number(d ?? 0) * UNIT_MS.d! + Number(h ?? 0) * UNIT_MS.h! + Number(min ?? 0) * UNIT_MS.m!;
  return ms > 0 ? ms : undefined;
}

const invalid = (problem: string, usage: string) => ({
  kind: 'invalid' as const,
  reason: `${problem} Usage: ${usage}`,
});

export function parseMute(args: readonly string[], clip: (w: string) => string): Parsed<SignalCommand> {
  const [target, duration, ...extra] = args;
  if (target === undefined) return invalid('Tell me what to mute.', USAGE.mute);
  if (extra.length > 0) return invalid(`\`${clip(extra.join(' '))}\` is one word too many.`, USAGE.mute);
  if (duration === undefined) return { kind: 'mute', target, durationMs: MUTE_DEFAULT_MS };
  const ms = parseDuration(duration);
  if (ms === undefined)
    return invalid(`\`${clip(duration)}\` is not a duration like \`30m\`, \`2h\` or \`1d\`.`, USAGE.mute);
  if (ms > MUTE_MAX_MS) return invalid(`\`${clip(duration)}\` is longer than 7 days.`, USAGE.mute);
  return { kind: 'mute', target, durationMs: ms };
}

export function parseUnmute(args: readonly string[], clip: (w: string) => string): Parsed<SignalCommand> {
  const [target, ...extra] = args;
  if (target === undefined) return invalid('Tell me what to unmute.', USAGE.unmute);
  if (extra.length > 0) return invalid(`\`${clip(extra.join(' '))}\` is one word too many.`, USAGE.unmute);
  return { kind: 'unmute', target };
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** True when the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function parseDigest(args: readonly string[], clip: (w: string) => string): Parsed<SignalCommand> {
  const [time, zone, ...extra] = args;
  if (time === undefined) return invalid('Tell me when.', USAGE.digest);
  if (time.toLowerCase() === 'off') {
    return zone === undefined
      ? { kind: 'digest-off' }
      : invalid(`\`/sota digest off\` takes nothing more.`, USAGE.digest);
  }
  if (extra.length > 0) return invalid(`\`${clip(extra.join(' '))}\` is one word too many.`, USAGE.digest);
  const m = TIME.exec(time);
  if (!m) return invalid(`\`${clip(time)}\` is not a time like \`09:00\`.`, USAGE.digest);
  const timeZone = zone ?? 'UTC';
  if (!isTimeZone(timeZone)) return invalid(`\`${clip(timeZone)}\` is not an IANA time zone.`, USAGE.digest);
  return { kind: 'digest', time: `${m[1]!.padStart(2, '0')}:${m[2]}`, timeZone };
}
