import type { CpuUse } from '../phases/app-ingest.js';
import type { BacklogResults } from '../phases/backlog.js';
import type { CompareResults } from '../phases/compare.js';
import type { DeliveryResults } from '../phases/delivery.js';
import type { PostgresResults } from '../phases/postgres.js';
import type { StartResults } from '../phases/start.js';
import type { ProfileSummary } from './summarize-profile.js';

/** One server's ingest figures (the median round by throughput). */
export interface IngestFigures {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  /** Every round's throughput, in order. */
  rounds: number[];
}

export interface AppIngestFigures extends IngestFigures {
  accepted: number;
  stored: number;
  idleRssBytes: number;
  peakRssBytes: number;
  ranDry: boolean;
  /** Per round: cores busy in the app, in the bench process (generator, fake Slack) and on the machine. */
  cpu: CpuUse[];
}

/** One `--cpu-prof` run of a build of the app under the ingest load. */
export interface ProfiledRun {
  /** Which code: the commit of the build. */
  label: string;
  summary: ProfileSummary;
  /** Throughput under the profiler, and the 2xx answers over the whole profiled run (warm-up included). */
  rps: number;
  accepted: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  date: string;
  loadBefore: number[];
  /** Cores busy on the machine in the second before the run started (after waiting for quiet). */
  busyBefore: number;
  /** The commit measured (`git rev-parse HEAD`), and whether the work tree differed from it. */
  commit: { sha: string; dirty: boolean };
}

export interface BenchResults {
  machine: Machine;
  /** How the app was started: the command of its `npm start`. */
  appCommand: string;
  settings: { connections: number; warmupMs: number; durationMs: number; rounds: number };
  ingest: { bare: IngestFigures; express: IngestFigures; durable: IngestFigures; app: AppIngestFigures };
  /** The same load on the code before the ingest work (`before`) and on the code measured (`after`). */
  profiles: { before: ProfiledRun; after: ProfiledRun };
  delivery: DeliveryResults;
  backlog: BacklogResults;
  /** Absent when no PostgreSQL was given (BENCH_DATABASE_URL or TEST_DATABASE_URL). */
  postgres?: PostgresResults;
  start: StartResults;
  /** Earlier builds under the same load; absent when the run was asked to skip them. */
  compare?: CompareResults;
  seconds: number;
}
