import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBuild } from '../app/app-build.js';
import { startAppProcess, startTsServer } from '../app/app-process.js';
import { BENCH_BOT_TOKEN, BENCH_TEAM, benchAppEnv } from '../app/bench-app-env.js';
import { startBenchSlack } from '../app/bench-slack.js';
import { countStoredEvents } from '../app/count-stored-events.js';
import { seedStore } from '../app/seed-store.js';
import { type LoadResult, runLoad } from '../load/load-generator.js';
import { cycle, onceEach, uniqueStartedRequests } from '../load/webhook-requests.js';
import { waitFor200 } from '../support/http-get.js';
import { busyCores, readCpuMs, readMachineTicks, readRss, watchPeakRss } from '../support/process-stats.js';
import type { ServerProcess } from '../support/server-process.js';

export interface IngestSettings {
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Run the app under `--cpu-prof`, writing the profile into this directory. */
  cpuProfDir?: string;
  /** Whether the ingest hook has a subscribed channel (so every event queues a Slack delivery). */
  subscribe?: boolean;
}

export interface CpuUse {
  app: number;
  generator: number;
  machine: number;
}

export interface AppIngest {
  load: LoadResult;
  idleRssBytes: number;
  peakRssBytes: number;
  /** 2xx answers over the whole run, and rows the store holds afterwards. */
  accepted: number;
  stored: number;
  /** The pre-signed requests ran out (so some requests repeated a deployment). */
  ranDry: boolean;
  /** Cores kept busy during the run (1 = one core all the time): the app, this process, the machine. */
  cpu: CpuUse;
}

const BASELINE_SECRET = 'whsec_bench_baseline_0123456789abcdef';

async function loadBaseline(file: string, settings: IngestSettings, requests: Buffer[]): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-peer-'));
  const env = { BENCH_SECRET: BASELINE_SECRET, BENCH_DB: join(dataDir, 'peer.db') };
  const server = await startTsServer(file, env);
  try {
    const { connections, warmupMs, durationMs } = settings;
    return await runLoad({
      host: '127.0.0.1',
      port: server.port,
      connections,
      warmupMs,
      durationMs,
      next: cycle(requests),
    });
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Pre-signed requests for the baselines (they store nothing, so the pool is used round and round). */
export function baselineRequests(): Buffer[] {
  return uniqueStartedRequests(
    { hookId: 'baseline', secret: BASELINE_SECRET, projectId: randomUUID() },
    10_000,
  );
}

/** Baseline (a): bare node:http with HMAC and JSON.parse, answering 202. */
export const ingestBare = (settings: IngestSettings, requests: Buffer[]) =>
  loadBaseline('baselines/bare-server.ts', settings, requests);

/** Baseline (b): the webhook guide's Express sketch. */
export const ingestExpress = (settings: IngestSettings, requests: Buffer[]) =>
  loadBaseline('baselines/express-server.ts', settings, requests);

/**
 * Baseline (c): the bare route plus better-sqlite3 (WAL, synchronous=FULL), one row per request, group
 * commit per event-loop turn, answering after the commit: the durable limit of this machine.
 */
export const ingestDurable = (settings: IngestSettings, requests: Buffer[]) =>
  loadBaseline('baselines/durable-server.ts', settings, requests);

function accepted(load: LoadResult): number {
  return Object.entries(load.statuses).reduce((n, [s, c]) => (s.startsWith('2') ? n + c : n), 0);
}

async function measureApp(app: ServerProcess, settings: IngestSettings, requests: Buffer[]) {
  await waitFor200(`http://127.0.0.1:${app.port}/readyz`);
  await new Promise((r) => setTimeout(r, 1000));
  const idleRssBytes = readRss(app.pid)?.rss ?? Number.NaN;
  const peak = watchPeakRss(app.pid);
  const source = onceEach(requests);
  const { connections, warmupMs, durationMs } = settings;
  const cpuBefore = readCpuMs(app.pid);
  const ownBefore = process.cpuUsage();
  const machineBefore = readMachineTicks();
  const load = await runLoad({
    host: '127.0.0.1',
    port: app.port,
    connections,
    warmupMs,
    durationMs,
    next: source.next,
  });
  const wallMs = warmupMs + durationMs;
  const own = process.cpuUsage(ownBefore);
  const appCpuMs = cpuBefore === undefined ? undefined : readCpuMs(app.pid);
  const cpu = {
    app: appCpuMs === undefined || cpuBefore === undefined ? Number.NaN : (appCpuMs - cpuBefore) / wallMs,
    generator: (own.user + own.system) / 1000 / wallMs,
    machine: busyCores(machineBefore, readMachineTicks(), cpus().length),
  };
  return { load, idleRssBytes, peakRssBytes: peak.stop(), ranDry: source.used() >= requests.length, cpu };
}

/**
 * The real app (built, `node dist/main.js`, SQLite with durable commits, delivery worker posting to a
 * local fake Slack) under the same load; every request a new deployment. `expectedRps` sizes the pool
 * of pre-signed requests.
 */
export async function ingestApp(
  build: AppBuild,
  settings: IngestSettings,
  expectedRps: number,
): Promise<AppIngest> {
  const slack = await startBenchSlack({
    tokens: { [BENCH_BOT_TOKEN]: { teamId: BENCH_TEAM, userId: 'UB', botId: 'BB' } },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-'));
  try {
    const env = benchAppEnv({ dataDir, slackApiUrl: slack.apiUrl });
    const [channel] = await seedStore(build, env, [
      { teamId: BENCH_TEAM, channelIds: ['C0INGEST'], subscribe: settings.subscribe ?? true },
    ]);
    const seconds = (settings.warmupMs + settings.durationMs) / 1000;
    const requests = uniqueStartedRequests(channel!, Math.ceil(expectedRps * seconds * 1.5) + 1000);
    const nodeFlags = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
    const app = await startAppProcess({ build, env, cwd: dataDir, nodeFlags });
    let measured: Awaited<ReturnType<typeof measureApp>>;
    try {
      measured = await measureApp(app, settings, requests);
    } finally {
      await app.stop(20_000);
    }
    const stored = await countStoredEvents(build, env);
    return { ...measured, accepted: accepted(measured.load), stored };
  } finally {
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
