import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const GOLDEN_DIR = new URL('../golden/', import.meta.url);

/**
 * Compares `value` with test/golden/<name>.json. With UPDATE_GOLDEN=1 the file is rewritten
 * instead; a person then reads the change before committing it.
 */
export function expectGolden(name: string, value: unknown): void {
  const file = new URL(`${name}.json`, GOLDEN_DIR);
  const actual = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `missing golden file test/golden/${name}.json (run with UPDATE_GOLDEN=1)`).toBe(
    true,
  );
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
