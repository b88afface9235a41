import type { BenchResults } from './bench-results.js';
import { backlogFigures } from './render-backlog.js';
import { comparedRatios } from './render-compare.js';

export interface TargetCheck {
  name: string;
  measured: string;
  target: string;
  met: boolean;
  /** How far from the target, when missed. */
  shortBy?: string;
}

/** The ingest p99 the app is held to, in ms. */
export const INGEST_P99_TARGET_MS = 20;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const fixed = (x: number, digits = 2) => x.toFixed(digits);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

function atLeast(name: string, value: number, min: number, show: (x: number) => string): TargetCheck {
  const met = value >= min;
  return {
    name,
    measured: show(value),
    target: `≥ ${show(min)}`,
    met,
    ...(met ? {} : { shortBy: `${pct(1 - value / min)} short` }),
  };
}

function atMost(name: string, value: number, max: number, show: (x: number) => string): TargetCheck {
  const met = value <= max;
  return {
    name,
    measured: show(value),
    target: `≤ ${show(max)}`,
    met,
    ...(met ? {} : { shortBy: `${pct(value / max - 1)} over` }),
  };
}

function zero(name: string, value: number): TargetCheck {
  return {
    name,
    measured: String(value),
    target: '0',
    met: value === 0,
    ...(value === 0 ? {} : { shortBy: `${value} too many` }),
  };
}

function backlogTargets(r: BenchResults): TargetCheck[] {
  const e = backlogFigures(r.backlog.empty);
  const k = backlogFigures(r.backlog.backlog);
  const claims = r.backlog.storeClaims;
  const { channels, perChannel } = r.backlog.settings;
  const n = Math.round(channels * perChannel).toLocaleString('en-US');
  const s = (x: number) => `${x.toFixed(2)}×`;
  return [
    atLeast(`Ingest with ${n} deliveries pending vs with an empty queue`, k.rps / e.rps, 0.9, s),
    atMost(
      `Claim p99 with ${n} pending vs with one pending in each of the same ${channels} channels (store alone)`,
      claims.backlog.p99 / claims.shallow.p99,
      2,
      s,
    ),
    atMost(`Peak RSS with ${n} pending`, k.peakRssBytes, 150 * 1048576, mb),
  ];
}

/** Not lower than an earlier build: at least 0.95×, the spread of rounds taken in turn on one machine. */
function compareTargets(r: BenchResults): TargetCheck[] {
  const c = r.compare;
  if (!c) return [];
  const s = (x: number) => `${x.toFixed(2)}×`;
  return c.builds.slice(0, -1).flatMap((f) => {
    const ratio = comparedRatios(c, f);
    return [
      atLeast(`Ingest vs \`${f.label}\` (${f.since}), same run`, ratio.ingest, 0.95, s),
      atLeast(`Delivery speed vs \`${f.label}\` (${f.since}), same run`, ratio.delivery, 0.95, s),
    ];
  });
}

function postgresTargets(r: BenchResults): TargetCheck[] {
  const p = r.postgres;
  if (!p) return [];
  return [
    zero(
      'PostgreSQL ingest non-2xx and 2xx not stored (one and two instances)',
      [p.oneInstance, p.twoInstances].reduce(
        (n, x) => n + x.load.non2xx + Math.max(0, x.accepted - x.stored),
        0,
      ),
    ),
    zero('PostgreSQL delivery with two instances: messages lost', p.delivery.bulk.lost),
    zero('PostgreSQL delivery with two instances: messages duplicated', p.delivery.bulk.duplicated),
  ];
}

/** Every target of the benchmark issue, checked against one run. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const { ingest, delivery, start } = r;
  const app = ingest.app;
  const bulk = delivery.bulk;
  const ms = (x: number) => `${fixed(x, 1)} ms`;
  const s = (x: number) => `${fixed(x, 2)}×`;
  return [
    atLeast(
      'Ingest throughput vs the durable peer (node:http + SQLite group commit)',
      app.rps / ingest.durable.rps,
      0.8,
      s,
    ),
    atLeast("Ingest throughput vs the guide's Express sketch", app.rps / ingest.express.rps, 2.0, s),
    atMost(`Ingest p99 latency at ${r.settings.connections} connections`, app.p99, INGEST_P99_TARGET_MS, ms),
    zero('Ingest non-2xx answers', app.non2xx),
    zero('Ingest 2xx answers not in the store afterwards', Math.max(0, app.accepted - app.stored)),
    atMost(
      'Delivery total time vs the minimum the limits allow',
      bulk.totalSeconds / bulk.minimumSeconds,
      1.2,
      s,
    ),
    zero('Slack calls before a Retry-After expired', bulk.earlyCalls),
    zero('Messages lost', bulk.lost),
    zero('Messages duplicated', bulk.duplicated),
    atMost('End-to-end latency p50, Slack not limiting', delivery.latencyMs.p50, 50, ms),
    atMost('Peak RSS during ingest', app.peakRssBytes, 150 * 1048576, mb),
    ...backlogTargets(r),
    ...postgresTargets(r),
    atMost('Idle RSS after start (1 s after /readyz 200)', app.idleRssBytes, 80 * 1048576, mb),
    atMost('Start to /readyz 200 (built app, median of the starts)', start.medianMs, 1000, ms),
    ...compareTargets(r),
  ];
}
