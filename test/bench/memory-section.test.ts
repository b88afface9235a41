import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/report/bench-results.js';
import { renderMemoryAndStart } from '../../bench/report/render-sections.js';

const MB = 1048576;
const results = (idle?: { afterMs: number[]; rssBytes: number[] }) =>
  ({
    appCommand: 'node dist/main.js',
    ingest: { app: { idleRssBytes: 80 * MB, peakRssBytes: 148 * MB } },
    start: { firstMs: 600, warmMs: [500, 510], medianMs: 510, maxMs: 600, ...(idle ? { idle } : {}) },
  }) as unknown as BenchResults;

describe('the report’s memory section', () => {
  it('shows the RSS of the process left idle at each reading, after the 1 s figure the target reads', () => {
    const text = renderMemoryAndStart(
      results({ afterMs: [1000, 10_000, 30_000], rssBytes: [81 * MB, 81 * MB, 69 * MB] }),
    ).join('\n');
    expect(text).toContain('| RSS idle, 1 s after /readyz 200 | 80 MB |');
    expect(text).toContain(
      '| RSS of a started process serving nothing, 1 s / 10 s / 30 s after /readyz 200 | 81 MB / 81 MB / 69 MB |',
    );
    expect(text).toContain('before V8 has released what the start left on its heap');
  });

  it('leaves the row out of a run that did not measure it', () => {
    expect(renderMemoryAndStart(results()).join('\n')).not.toContain('serving nothing');
  });
});
