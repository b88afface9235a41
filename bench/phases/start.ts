import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBuild } from '../app/app-build.js';
import { loopbackFlags } from '../app/app-process.js';
import { benchAppEnv, childEnv } from '../app/bench-app-env.js';
import { freePort } from '../support/free-port.js';
import { waitFor200 } from '../support/http-get.js';
import { readRss } from '../support/process-stats.js';
import { median } from '../support/stats.js';

export interface StartResults {
  /** The first start on an empty data directory (creates the database and runs the migrations). */
  firstMs: number;
  /** Later starts on the existing database. */
  warmMs: number[];
  /** Median and slowest of every start, the first included. */
  medianMs: number;
  maxMs: number;
  /** One more start left idle: its RSS 1 s after /readyz 200 and once V8 has had time to release start-up garbage. */
  idle?: { afterMs: number[]; rssBytes: number[] };
}

/** When the idle process's RSS is read, in ms after /readyz 200 (V8's memory reducer runs some seconds after start). */
const IDLE_READINGS_MS = [1_000, 10_000, 30_000];

/**
 * Spawns `node dist/main.js` and times it until GET /readyz answers 200; then, with `idleReadings`,
 * reads its RSS at each of those times after the 200 while it serves nothing; then stops it.
 */
async function timeOneStart(
  build: AppBuild,
  env: Record<string, string>,
  cwd: string,
  idleReadings: number[] = [],
): Promise<{ ms: number; rssBytes: number[] }> {
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
    const ms = performance.now() - started;
    const ready = performance.now();
    const rssBytes: number[] = [];
    for (const at of idleReadings) {
      await new Promise((r) => setTimeout(r, Math.max(0, ready + at - performance.now())));
      rssBytes.push(readRss(child.pid!)?.rss ?? Number.NaN);
    }
    return { ms, rssBytes };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Time from starting the built app (`node dist/main.js`, what `npm start` runs after its build) to
 * /readyz 200: once on an empty data directory, then `warmRuns` times on the database it created.
 */
export async function benchStart(build: AppBuild, warmRuns: number, idle = true): Promise<StartResults> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-'));
  try {
    const env = benchAppEnv({ dataDir, slackApiUrl: 'http://127.0.0.1:9/api/' });
    const firstMs = (await timeOneStart(build, env, dataDir)).ms;
    const warmMs: number[] = [];
    for (let i = 0; i < warmRuns; i += 1) warmMs.push((await timeOneStart(build, env, dataDir)).ms);
    const all = [firstMs, ...warmMs];
    const left = idle ? await timeOneStart(build, env, dataDir, IDLE_READINGS_MS) : undefined;
    return {
      ...{ firstMs, warmMs, medianMs: median(all), maxMs: Math.max(...all) },
      ...(left ? { idle: { afterMs: IDLE_READINGS_MS, rssBytes: left.rssBytes } } : {}),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
