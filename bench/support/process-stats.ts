import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Resident set size and its high-water mark of another process, in bytes. */
export interface RssReading {
  rss: number;
  /** Peak RSS since the process started (VmHWM); equals `rss` where the system does not say. */
  peak: number;
}

function fromProc(pid: number): RssReading | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  const rss = kb('VmRSS') * 1024;
  const peak = kb('VmHWM') * 1024;
  return Number.isFinite(rss) ? { rss, peak: Number.isFinite(peak) ? peak : rss } : undefined;
}

function fromPs(pid: number): RssReading | undefined {
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) ? { rss: kb * 1024, peak: kb * 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** Reads /proc on Linux, `ps` elsewhere; undefined once the process is gone. */
export function readRss(pid: number): RssReading | undefined {
  return fromProc(pid) ?? fromPs(pid);
}

/** Samples a process's RSS every `everyMs` and keeps the highest value seen. */
export function watchPeakRss(pid: number, everyMs = 50): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const r = readRss(pid);
    if (r) peak = Math.max(peak, r.rss, r.peak);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is missing. */
export function readCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine so far, in ticks; undefined where /proc is missing. */
export function readMachineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return Number.isFinite(total) ? { busy: total - idle, total } : undefined;
  } catch {
    return undefined;
  }
}

/** Cores the whole machine kept busy between two readings. */
export function busyCores(
  before: ReturnType<typeof readMachineTicks>,
  after: ReturnType<typeof readMachineTicks>,
  cpus: number,
): number {
  if (!before || !after || after.total === before.total) return Number.NaN;
  return ((after.busy - before.busy) / (after.total - before.total)) * cpus;
}

/**
 * Waits (up to `maxMs`) until the machine has been nearly idle for one second, so a run does not
 * start while something else is busy. Resolves with the busy cores of the last second measured.
 */
export async function waitForQuiet(cpus: number, maxMs: number, quietCores = 0.2): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const before = readMachineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = busyCores(before, readMachineTicks(), cpus);
    if (!(busy > quietCores) || Date.now() > deadline) return busy;
  }
}
