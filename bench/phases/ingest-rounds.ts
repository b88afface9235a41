import type { AppBuild } from '../app/app-build.js';
import type { LoadResult } from '../load/load-generator.js';
import type { AppIngestFigures, IngestFigures } from '../report/bench-results.js';
import { type AppIngest, ingestApp } from './app-ingest.js';
import { baselineRequests, type IngestSettings, ingestBare, ingestDurable, ingestExpress } from './ingest.js';

function figures(rounds: LoadResult[]): IngestFigures {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    rps: mid.rps,
    p50: mid.latencyMs.p50,
    p99: mid.latencyMs.p99,
    max: mid.latencyMs.max,
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    rounds: rounds.map((r) => r.rps),
  };
}

function appFigures(rounds: AppIngest[]): AppIngestFigures {
  const base = figures(rounds.map((r) => r.load));
  const mid = rounds.find((r) => r.load.rps === base.rps)!;
  return {
    ...base,
    accepted: rounds.reduce((n, r) => n + r.accepted, 0),
    stored: rounds.reduce((n, r) => n + r.stored, 0),
    idleRssBytes: mid.idleRssBytes,
    peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)),
    ranDry: rounds.some((r) => r.ranDry),
    cpu: rounds.map((r) => r.cpu),
  };
}

/**
 * `rounds` rounds of bare node:http, the Express sketch, the durable peer and the app, one after another with the same
 * generator and settings; each server's figures are its median round by throughput (non-2xx, stored
 * and peak RSS over every round).
 */
export async function ingestRounds(
  build: AppBuild,
  settings: IngestSettings,
  rounds: number,
  log: (line: string) => void,
) {
  const requests = baselineRequests();
  const bare: LoadResult[] = [];
  const express: LoadResult[] = [];
  const durable: LoadResult[] = [];
  const app: AppIngest[] = [];
  for (let i = 1; i <= rounds; i += 1) {
    bare.push(await ingestBare(settings, requests));
    log(`  round ${i}: bare node:http ${Math.round(bare.at(-1)!.rps)} req/s`);
    express.push(await ingestExpress(settings, requests));
    log(`  round ${i}: Express sketch ${Math.round(express.at(-1)!.rps)} req/s`);
    durable.push(await ingestDurable(settings, requests));
    log(`  round ${i}: durable node:http + SQLite ${Math.round(durable.at(-1)!.rps)} req/s`);
    app.push(await ingestApp({ build, settings, expectedRps: Math.max(...durable.map((b) => b.rps)) }));
    log(`  round ${i}: sota-slack ${Math.round(app.at(-1)!.load.rps)} req/s`);
  }
  return {
    bare: figures(bare),
    express: figures(express),
    durable: figures(durable),
    app: appFigures(app),
  };
}
