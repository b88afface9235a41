import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { categoryOf } from './profile-categories.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  /** `function (file:line)` */
  name: string;
  /** Share of all sampled time, 0–1. */
  self: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Share of sampled time not idle. */
  busy: number;
  /** Sampled time not idle, in ms. */
  busyMs: number;
  top: ProfileEntry[];
  /** Share of busy (non-idle) time per kind of work, the heaviest first. */
  categories: ProfileEntry[];
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = functionName || '(anonymous)';
  if (!url) return fn;
  const file = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : basename(url);
  return `${fn} (${file}:${lineNumber + 1})`;
}

/** Self time per function of a `.cpuprofile`, the heaviest first. */
export function summarizeProfile(path: string, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += dt;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + dt);
    const category = categoryOf(node.callFrame.functionName, node.callFrame.url);
    byCategory.set(category, (byCategory.get(category) ?? 0) + dt);
  });
  const idle = self.get('(idle)') ?? 0;
  const top = [...self.entries()]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([name, us]) => ({ name, self: us / Math.max(1, total) }));
  const busyUs = Math.max(1, total - idle);
  const categories = [...byCategory.entries()]
    .filter(([name]) => name !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, self: us / busyUs }));
  return {
    file: path,
    totalMs: total / 1000,
    busy: 1 - idle / Math.max(1, total),
    busyMs: (total - idle) / 1000,
    top,
    categories,
  };
}

/** The newest `.cpuprofile` in a directory. */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const last = files.at(-1);
  return last ? join(dir, last) : undefined;
}
