/**
 * `npm run test:reliability`: the fast part (also inside `npm test`), the full drills (`*.full.ts`,
 * minutes, not in `npm test`) and the webhook edge's fixed bad-input cases; writes RELIABILITY.md.
 * Files run one at a time so that timings and resource figures are not skewed by each other.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: [
      'test/reliability/fast/**/*.test.ts',
      'test/reliability/full/**/*.full.ts',
      'test/http/**/*.test.ts',
      'test/slack/request-verification.test.ts',
      'test/sota/signature.test.ts',
    ],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: [
      'default',
      './test/reliability/report/reliability-reporter.ts',
      './test/helpers/skip-reason-reporter.ts',
    ],
  },
});
