import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBuild } from '../app/app-build.js';
import { loopbackFlags } from '../app/app-process.js';
import { benchAppEnv, childEnv } from '../app/bench-app-env.js';
import { freePort } from '../support/free-port.js';
import { waitFor200 } from '../support/http-get.js';
import { median } from '../support/stats.js';

export interface StartResults {
  /** The first start on an empty data directory (creates the database and runs the migrations). */
  firstMs: number;
  /** Later starts on the existing database. */
  warmMs: number[];
  /** Median and slowest of every start, the first included. */
  medianMs: number;
  maxMs: number;
}

/** Spawns `node dist/main.js` and times it until GET /readyz answers 200; then stops it. */
async function timeOneStart(build: AppBuild, env: Record<string, string>, cwd: string): Promise<number> {
  const port = await freePort();
  const flags = loopbackFlags();
  const started = performance.now();
  const child = spawn(process.execPath, [...build.nodeFlags, ...flags, build.mainJs], {
    cwd,
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitFor200(`http://127.0.0.1:${port}/readyz`, 20_000, 2);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Time from starting the built app (`node dist/main.js`, what `npm start` runs after its build) to
 * /readyz 200: once on an empty data directory, then `warmRuns` times on the database it created.
 */
export async function benchStart(build: AppBuild, warmRuns: number): Promise<StartResults> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-'));
  try {
    const env = benchAppEnv({ dataDir, slackApiUrl: 'http://127.0.0.1:9/api/' });
    const firstMs = await timeOneStart(build, env, dataDir);
    const warmMs: number[] = [];
    for (let i = 0; i < warmRuns; i += 1) warmMs.push(await timeOneStart(build, env, dataDir));
    const all = [firstMs, ...warmMs];
    return { firstMs, warmMs, medianMs: median(all), maxMs: Math.max(...all) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
