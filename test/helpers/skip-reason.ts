/**
 * Skips that say why. `describe(name, skipUnless(ready, reason), () => …)` registers every test of the
 * suite either way, so a skip is counted per test; the reason travels in the tests' meta and the
 * skip-reason reporter prints it.
 */
declare module 'vitest' {
  interface TaskMeta {
    skipReason?: string;
  }
}

export interface SkipOptions {
  skip: boolean;
  meta: { skipReason?: string };
}

export function skipUnless(ready: boolean, reason: string): SkipOptions {
  return ready ? { skip: false, meta: {} } : { skip: true, meta: { skipReason: reason } };
}
