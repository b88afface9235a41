/**
 * A vitest reporter that says why tests were skipped: one line per file and reason, with the number
 * of tests it skipped. The reason is the note of `context.skip(note)` or the `skipReason` meta that
 * `skipUnless` puts on a suite; a skip without either is printed as having none, so it shows.
 */
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import './skip-reason.js';

export const NO_REASON = 'no reason given';

export function skipReasonOf(test: TestCase, unnamed = NO_REASON): string {
  const { note } = test.result() as { note?: string };
  return note ?? test.meta().skipReason ?? unnamed;
}

/** Skipped tests grouped by file and reason: `↓ 23 skipped in test/x.test.ts: reason`. */
export function skipLines(modules: ReadonlyArray<TestModule>, root: string, unnamed = NO_REASON): string[] {
  const counts = new Map<string, number>();
  for (const module of modules) {
    const file = relative(root, module.moduleId);
    for (const test of module.children.allTests()) {
      if (test.result().state !== 'skipped') continue;
      const key = `${file}\u0000${skipReasonOf(test, unnamed)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, n]) => {
    const [file, reason] = key.split('\u0000');
    return `↓ ${n} skipped in ${file}: ${reason}`;
  });
}

export default class SkipReasonReporter implements Reporter {
  private root = process.cwd();
  private unnamed = NO_REASON;

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    if (vitest.config.testNamePattern) this.unnamed = 'not selected by the test name filter (-t)';
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines = skipLines(modules, this.root, this.unnamed);
    if (lines.length > 0)
      process.stdout.write(`\nSkipped tests, and why:\n${lines.map((l) => ` ${l}`).join('\n')}\n`);
  }
}
