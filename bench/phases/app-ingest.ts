import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBuild } from '../app/app-build.js';
import { startAppProcess } from '../app/app-process.js';
import { BENCH_BOT_TOKEN, BENCH_TEAM, benchAppEnv } from '../app/bench-app-env.js';
import { startBenchSlack } from '../app/bench-slack.js';
import { countStoredEvents } from '../app/count-stored-events.js';
import { seedStore } from '../app/seed-store.js';
import { type LoadResult, runLoad } from '../load/load-generator.js';
import { onceEach, uniqueStartedRequests } from '../load/webhook-requests.js';
import { addHistograms, type ClaimStats, claimStats, readClaimHistogram } from '../support/histogram.js';
import { waitFor200 } from '../support/http-get.js';
import { busyCores, readCpuMs, readMachineTicks, readRss, watchPeakRss } from '../support/process-stats.js';
import type { ServerProcess } from '../support/server-process.js';
import type { IngestSettings } from './ingest.js';

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
  /** The claims of due jobs the app's workers made during the run (from delivery_claim_seconds). */
  claims: ClaimStats;
}

export interface AppIngestOptions {
  build: AppBuild;
  settings: IngestSettings;
  /** Sizes the pool of pre-signed requests. */
  expectedRps: number;
  /** How long each fake Slack call takes (default 50 ms). */
  slackLatencyMs?: number;
  /** A database to use instead of a new SQLite file (a fresh PostgreSQL schema). */
  databaseUrl?: string;
  /** App processes sharing the store; the connections take turns among them (default 1). */
  instances?: number;
  /** Runs with the app's environment once the ingest hook is seeded, before the app starts. */
  prepare?: (env: Record<string, string>) => Promise<void>;
  /** Extra variables for the app's environment. */
  env?: Record<string, string>;
  /** Extra node flags for the app's processes. */
  nodeFlags?: string[];
}

const accepted = (load: LoadResult) =>
  Object.entries(load.statuses).reduce((n, [s, c]) => (s.startsWith('2') ? n + c : n), 0);

const sum = (xs: Array<number | undefined>) =>
  xs.some((x) => x === undefined) ? undefined : xs.reduce<number>((a, b) => a + (b ?? 0), 0);

async function measureApps(apps: ServerProcess[], settings: IngestSettings, requests: Buffer[]) {
  for (const app of apps) await waitFor200(`http://127.0.0.1:${app.port}/readyz`);
  await new Promise((r) => setTimeout(r, 1000));
  const idleRssBytes = Math.max(...apps.map((a) => readRss(a.pid)?.rss ?? Number.NaN));
  const peaks = apps.map((a) => watchPeakRss(a.pid));
  const source = onceEach(requests);
  const { connections, warmupMs, durationMs } = settings;
  const cpuBefore = sum(apps.map((a) => readCpuMs(a.pid)));
  const ownBefore = process.cpuUsage();
  const machineBefore = readMachineTicks();
  const load = await runLoad({
    host: '127.0.0.1',
    port: apps[0]!.port,
    ports: apps.map((a) => a.port),
    connections,
    warmupMs,
    durationMs,
    next: source.next,
  });
  const wallMs = warmupMs + durationMs;
  const own = process.cpuUsage(ownBefore);
  const cpuAfter = sum(apps.map((a) => readCpuMs(a.pid)));
  const claims = claimStats(addHistograms(await Promise.all(apps.map((a) => readClaimHistogram(a.port)))));
  const cpu = {
    app: cpuAfter === undefined || cpuBefore === undefined ? Number.NaN : (cpuAfter - cpuBefore) / wallMs,
    generator: (own.user + own.system) / 1000 / wallMs,
    machine: busyCores(machineBefore, readMachineTicks(), cpus().length),
  };
  const peakRssBytes = Math.max(...peaks.map((p) => p.stop()));
  return { load, idleRssBytes, peakRssBytes, ranDry: source.used() >= requests.length, cpu, claims };
}

async function withApps<T>(
  n: number,
  start: () => Promise<ServerProcess>,
  work: (apps: ServerProcess[]) => Promise<T>,
): Promise<T> {
  const apps: ServerProcess[] = [];
  try {
    for (let i = 0; i < n; i += 1) apps.push(await start());
    return await work(apps);
  } finally {
    await Promise.all(apps.map((a) => a.stop(20_000)));
  }
}

/**
 * A build of the app (`node dist/main.js`, durable commits, delivery worker posting to a local fake
 * Slack) under the ingest load; every request a new deployment of one subscribed channel.
 */
export async function ingestApp(o: AppIngestOptions): Promise<AppIngest> {
  const slack = await startBenchSlack({
    tokens: { [BENCH_BOT_TOKEN]: { teamId: BENCH_TEAM, userId: 'UB', botId: 'BB' } },
    ...(o.slackLatencyMs !== undefined ? { latencyMs: o.slackLatencyMs } : {}),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'sota-slack-bench-'));
  try {
    const env = {
      ...benchAppEnv({ dataDir, slackApiUrl: slack.apiUrl }),
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
      ...o.env,
    };
    const [channel] = await seedStore(o.build, env, [
      { teamId: BENCH_TEAM, channelIds: ['C0INGEST'], subscribe: o.settings.subscribe ?? true },
    ]);
    await o.prepare?.(env);
    const seconds = (o.settings.warmupMs + o.settings.durationMs) / 1000;
    const requests = uniqueStartedRequests(channel!, Math.ceil(o.expectedRps * seconds * 1.5) + 1000);
    const dir = o.settings.cpuProfDir;
    const nodeFlags = [...(o.nodeFlags ?? []), ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])];
    const start = () => startAppProcess({ build: o.build, env, cwd: dataDir, nodeFlags });
    const measured = await withApps(o.instances ?? 1, start, (apps) =>
      measureApps(apps, o.settings, requests),
    );
    const stored = await countStoredEvents(o.build, env);
    return { ...measured, accepted: accepted(measured.load), stored };
  } finally {
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
