/**
 * `npm run bench`: ingest (with both baselines), delivery, memory and start of the built app, all on
 * this machine over 127.0.0.1. Prints the report and writes it to BENCHMARKS.md.
 *   --quick        a short run with small numbers (checks the harness; not for publishing)
 *   --before <rev> the code to profile as "before" beside the code measured (default BEFORE_COMMIT)
 *   --out <file>   where to write the report (default BENCHMARKS.md; --quick writes bench/.out/BENCHMARKS.quick.md)
 *   --compare <rev,rev>  the earlier builds measured beside the code measured (default EARLIER; "none" skips them)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { type AppBuild, buildAtCommit, buildCurrent, REPO_ROOT } from './app/app-build.js';
import { ingestApp } from './phases/app-ingest.js';
import { type BacklogSettings, benchBacklog } from './phases/backlog.js';
import { benchCompare, type ComparedBuild } from './phases/compare.js';
import { benchDelivery, type DeliverySettings } from './phases/delivery.js';
import type { IngestSettings } from './phases/ingest.js';
import { ingestRounds } from './phases/ingest-rounds.js';
import { benchPostgres } from './phases/postgres.js';
import { benchStart } from './phases/start.js';
import type { BenchResults, Machine, ProfiledRun } from './report/bench-results.js';
import { renderReport } from './report/render-report.js';
import { newestProfile, summarizeProfile } from './report/summarize-profile.js';
import { currentCommit } from './support/git-commit.js';
import { waitForQuiet } from './support/process-stats.js';

/** The code before the ingest work: profiled in every run beside the code measured. */
const BEFORE_COMMIT = '446f45472cc508fec3fe43554eb7844650c04047';

/** Earlier builds measured beside the code measured in every run, with what changed since each. */
const EARLIER: Array<{ rev: string; since: string }> = [
  { rev: '6569b878b773ab902b5c8724174bd25c34937d0b', since: 'before one query layer for both engines' },
  { rev: '64f36830f94303775aae094ae9278ee9260af169', since: 'before the failure card and channel signals' },
];

const args = process.argv.slice(2);
const compareArg = args.indexOf('--compare');
const earlierRevs =
  compareArg >= 0
    ? args[compareArg + 1] === 'none'
      ? []
      : args[compareArg + 1]!.split(',').map((rev) => ({ rev, since: `commit ${rev}` }))
    : EARLIER;
const quick = args.includes('--quick');
const beforeArg = args.indexOf('--before');
const beforeRev = beforeArg >= 0 ? args[beforeArg + 1]! : BEFORE_COMMIT;
const outArg = args.indexOf('--out');
const outFile =
  outArg >= 0
    ? args[outArg + 1]!
    : join(REPO_ROOT, quick ? 'bench/.out/BENCHMARKS.quick.md' : 'BENCHMARKS.md');

const INGEST: IngestSettings = quick
  ? { connections: 16, warmupMs: 300, durationMs: 1500 }
  : { connections: 64, warmupMs: 1500, durationMs: 6000 };
// More, shorter rounds: on a shared machine the median of five turns through the servers is steadier.
const ROUNDS = quick ? 1 : 5;
const DELIVERY: DeliverySettings = {
  workspaces: quick ? 2 : 10,
  channelsPerWorkspace: quick ? 3 : 10,
  deploymentsPerChannel: quick ? 2 : 10,
  channelRateLimit: { perSecond: 1, burst: 3 },
  slackLatencyMs: 50,
  connections: INGEST.connections,
  timeoutMs: quick ? 30_000 : 120_000,
};
const BACKLOG: BacklogSettings = quick
  ? { channels: 20, perChannel: 100, slackLatencyMs: 2000, rounds: 1, claimsTimed: 50 }
  : { channels: 250, perChannel: 400, slackLatencyMs: 2000, rounds: 2, claimsTimed: 500 };
/** PostgreSQL for the PostgreSQL phases; they are left out (and the report says so) when unset. */
const PG_URL = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || undefined;
const log = (line: string) => process.stdout.write(`${line}\n`);

function machine(busyBefore: number): Machine {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    loadBefore: loadavg(),
    busyBefore,
    commit: currentCommit(REPO_ROOT),
  };
}

async function profileIngest(build: AppBuild, expectedRps: number): Promise<ProfiledRun> {
  const dir = join(REPO_ROOT, 'bench', '.out', 'profiles', `${Date.now()}-${build.label.replace(/\W/g, '')}`);
  mkdirSync(dir, { recursive: true });
  const run = await ingestApp({
    build,
    settings: { ...INGEST, warmupMs: 1000, durationMs: quick ? 1500 : 5000, cpuProfDir: dir },
    expectedRps,
  });
  const file = newestProfile(dir);
  if (!file) throw new Error('the app wrote no CPU profile');
  log(`  profile of ${build.label}: ${file} (${Math.round(run.load.rps)} req/s)`);
  return {
    label: build.label,
    summary: summarizeProfile(file, 15),
    rps: run.load.rps,
    accepted: run.accepted,
  };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  log(`sota-slack benchmarks: ${cpus().length} CPUs, Node ${process.version}${quick ? ' (quick run)' : ''}`);
  log('building (npm run build)…');
  const commit = currentCommit(REPO_ROOT);
  const build = buildCurrent(commit.sha.slice(0, 7) + (commit.dirty ? '+changes' : ''));
  log(`building ${beforeRev} for the "before" profile…`);
  const before = buildAtCommit(beforeRev);
  log('waiting for the machine to be quiet (up to 30 s)…');
  const info = machine(await waitForQuiet(cpus().length, quick ? 3000 : 30_000));
  log('1. ingest');
  const ingest = await ingestRounds(build, INGEST, ROUNDS, log);
  log('   profiles');
  const profiles = {
    before: await profileIngest(before, ingest.durable.rps),
    after: await profileIngest(build, ingest.durable.rps),
  };
  log('2. delivery');
  const delivery = await benchDelivery(build, DELIVERY);
  log(`  ${delivery.bulk.totalSeconds.toFixed(2)} s for ${delivery.bulk.events} webhooks`);
  log('3. backlog');
  const backlog = await benchBacklog(build, INGEST, BACKLOG, ingest.durable.rps, log);
  log('4. PostgreSQL');
  const postgres = PG_URL
    ? await benchPostgres(build, PG_URL, INGEST, DELIVERY, ingest.durable.rps, log)
    : undefined;
  log('5. start');
  const start = await benchStart(build, quick ? 1 : 4, !quick);
  log('6. earlier builds');
  const earlier = earlierRevs.map(({ rev, since }): ComparedBuild => ({ build: buildAtCommit(rev), since }));
  const compare =
    earlier.length > 0
      ? await benchCompare(
          build,
          earlier,
          INGEST,
          DELIVERY,
          quick ? 1 : 5,
          quick ? 1 : 3,
          ingest.durable.rps,
          log,
        )
      : undefined;
  const results: BenchResults = {
    machine: info,
    appCommand: ['node', ...build.nodeFlags, 'dist/main.js'].join(' '),
    settings: { ...INGEST, rounds: ROUNDS },
    ingest,
    profiles,
    delivery,
    backlog,
    ...(postgres ? { postgres } : {}),
    start,
    ...(compare ? { compare } : {}),
    seconds: (performance.now() - startedAt) / 1000,
  };
  const report = renderReport(results);
  log(`\n${report}`);
  writeFileSync(outFile, report);
  log(`written to ${outFile}`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
