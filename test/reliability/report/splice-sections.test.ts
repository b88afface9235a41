import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../support/figures.js';
import { spliceSections } from './splice-sections.js';

const meta = {
  date: '2026-12-03T13:00:00Z',
  commit: 'abc1234',
  command: 'x',
  node: 'v20',
  postgres: true,
  durationMs: 60_000,
};
const row = (section: string, value: number): FigureRow => ({
  section,
  name: 'case',
  values: { 'p50 ms': value },
  at: 1,
});
const REPORT = [
  '# Reliability report',
  '',
  '## Crash and restart',
  '',
  'old crash',
  '',
  '## Test files in this run',
  '',
  'files',
  '',
].join('\n');

describe('replacing one section of RELIABILITY.md', () => {
  it('adds a missing section in its place (after Crash, before the test files), marked with the run that measured it', () => {
    const out = spliceSections(REPORT, ['recovery'], [row('recovery', 42)], meta);
    expect(out.indexOf('## Recovery after a crash')).toBeGreaterThan(out.indexOf('old crash'));
    expect(out.indexOf('## Recovery after a crash')).toBeLessThan(out.indexOf('## Test files in this run'));
    expect(out).toContain('_Measured in a run of this section alone: 2026-12-03T13:00:00Z, commit `abc1234`');
    expect(out).toContain('p50 ms: **42**');
    expect(out).toContain('old crash');
  });

  it('replaces the section when it is there, and leaves the others alone', () => {
    const once = spliceSections(REPORT, ['recovery'], [row('recovery', 42)], meta);
    const twice = spliceSections(once, ['recovery'], [row('recovery', 7)], meta);
    expect(twice).not.toContain('**42**');
    expect(twice).toContain('p50 ms: **7**');
    expect(twice.match(/## Recovery after a crash/g)).toHaveLength(1);
    expect(twice.replace(/## Recovery[\s\S]*?(?=## Test files)/, '')).toBe(REPORT);
  });

  it('keeps a section that this run did not measure', () => {
    expect(spliceSections(REPORT, ['crash'], [row('recovery', 1)], meta)).toBe(REPORT);
  });
});
