import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTsServer } from '../app/app-process.js';
import { type LoadResult, runLoad } from '../load/load-generator.js';
import { cycle, uniqueStartedRequests } from '../load/webhook-requests.js';

export interface IngestSettings {
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Run the app under `--cpu-prof`, writing the profile into this directory. */
  cpuProfDir?: string;
  /** Whether the ingest hook has a subscribed channel (so every event queues a Slack delivery). */
  subscribe?: boolean;
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
