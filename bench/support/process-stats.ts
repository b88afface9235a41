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
