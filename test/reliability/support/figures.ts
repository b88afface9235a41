/**
 * Figures measured by the reliability suite. Under the reliability config (see
 * test/reliability/vitest.config.ts) each one is written as a small JSON file that the report
 * reporter turns into RELIABILITY.md; under plain `npm test` nothing is provided and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityResultsDir: string | undefined;
  }
}

export type FigureValue = number | string | boolean;

/** One row of one section of the report: `name` is the case, `values` its columns in order. */
export interface FigureRow {
  section: string;
  name: string;
  values: Record<string, FigureValue>;
  /** When it was recorded (epoch ms, sub-millisecond), to keep the run's order in the report. */
  at: number;
}

/** Column names the report's summary adds up across sections. */
export const COLUMNS = {
  runs: 'runs',
  cases: 'cases',
  lost: 'lost',
  duplicatePosts: 'duplicate posts',
  secretsFound: 'secrets found',
} as const;

export const SECTIONS = {
  hostile: 'hostile',
  tenancy: 'tenancy',
  secrets: 'secrets',
  crash: 'crash',
  recovery: 'recovery',
  slackOutage: 'slack-outage',
  rateLimit: 'rate-limit',
  sotaFailure: 'sota-failure',
  soak: 'soak',
} as const;
export type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

function resultsDir(): string | undefined {
  try {
    return inject('reliabilityResultsDir');
  } catch {
    return undefined;
  }
}

/** Records one row when the suite runs under the reliability config; a no-op otherwise. */
export function recordFigures(section: Section, name: string, values: Record<string, FigureValue>): void {
  const dir = resultsDir();
  if (!dir) return;
  const row: FigureRow = { section, name, values, at: performance.timeOrigin + performance.now() };
  writeFileSync(join(dir, `${section}-${randomUUID()}.json`), JSON.stringify(row));
}

/** The p-th percentile (0–100) of `samples`, nearest rank; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** Milliseconds rounded for a table. */
export function ms(value: number): number {
  return Math.round(value);
}

/** Property-test runs: `fast` inside `npm test`, `full` under the reliability config. */
export function propertyRuns(fast: number, full: number): number {
  return resultsDir() ? full : fast;
}
