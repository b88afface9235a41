import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Generous limits: a test that spawns the app or runs hundreds of property cases must still pass on a
    // shared 2-core machine under full load. No test asserts a short time between two events.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/helpers/skip-reason-reporter.ts'],
  },
});
