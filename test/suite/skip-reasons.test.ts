/**
 * `npm test` without PostgreSQL: each PostgreSQL test is reported as skipped (counted per test, not
 * one placeholder per file) and the output says why, in one line per file.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const FILES = ['test/store/postgres-store.test.ts', 'test/scale/instances.test.ts'];

it('prints why the PostgreSQL tests were skipped, and counts every one of them', async () => {
  const { TEST_DATABASE_URL: _unset, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, [VITEST, 'run', ...FILES], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const reason = 'needs PostgreSQL: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it';
  const store = new RegExp(
    `↓ (\\d+) skipped in test/store/postgres-store\\.test\\.ts: ${reason.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`,
  );
  const count = Number(store.exec(stdout)?.[1]);
  expect(count).toBeGreaterThan(20);
  expect(stdout).toContain(`↓ 1 skipped in test/scale/instances.test.ts: ${reason}`);
  expect(stdout).toMatch(new RegExp(`Tests\\s+${count + 1} skipped`));
}, 120_000);
