import type { BenchResults } from './bench-results.js';
import { backlogFigures } from './render-backlog.js';
import { checkTargets, INGEST_P99_TARGET_MS } from './targets.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function ingestNote(r: BenchResults): string {
  const app = r.ingest.app;
  const cores = app.cpu.map((c) => c.app.toFixed(2)).join(', ');
  const machine = app.cpu.map((c) => c.machine.toFixed(2)).join(', ');
  const cpuLine =
    `- Ingest: the app kept ${cores} cores busy in its rounds (at ${Math.round(app.rps)} req/s; the whole ` +
    `machine ${machine} of ${r.machine.cpus}). Its one JavaScript thread reads, verifies, parses and stores every request.`;
  const p = r.profiles.after.summary;
  const kinds = p.categories
    .slice(0, 4)
    .map((c) => `${c.name} ${pct(c.self)}`)
    .join(', ');
  const top = p.top
    .slice(0, 3)
    .map((e) => `\`${e.name}\``)
    .join(', ');
  return (
    `${cpuLine} The profile splits that thread's busy time as: ${kinds}. Heaviest functions: ${top}. ` +
    'SQLite runs on the same thread: every statement, every commit and the copy of each checkpoint holds ' +
    'up the requests behind it.'
  );
}

/** What a closed loop of connections makes of a rate and a p99 (`IngestFigures` is enough). */
export interface LoopFigures {
  rps: number;
  p99: number;
}

/**
 * The tail read through the load's own shape: each connection waits for its answer before it sends
 * again, so the mean wait is connections ÷ rate (Little's law), and the p99 a multiple of it.
 */
export function latencyNote(
  connections: number,
  app: LoopFigures,
  peer: LoopFigures,
  targetMs: number,
): string {
  const mean = (f: LoopFigures) => (connections / f.rps) * 1000;
  const tail = (f: LoopFigures) => f.p99 / mean(f);
  const needed = (connections * tail(app) * 1000) / targetMs;
  const rate = (x: number) => Math.round(x).toLocaleString('en-US');
  return (
    `- Ingest p99: each of the ${connections} connections sends its next request once it has the answer, so the ` +
    `mean wait is ${connections} ÷ the rate: ${mean(app).toFixed(1)} ms at ${rate(app.rps)} req/s (the durable ` +
    `peer: ${mean(peer).toFixed(1)} ms at ${rate(peer.rps)} req/s). The app's p99 is ${tail(app).toFixed(1)}× its ` +
    `mean (the peer's ${tail(peer).toFixed(1)}×), as the group commits of a saturated thread vary in size. At that ` +
    `ratio a p99 of ${targetMs} ms needs about ${rate(needed)} req/s: the tail is the throughput gap again.`
  );
}

function deliveryNote(r: BenchResults): string {
  const b = r.delivery.bulk;
  const { perSecond, burst } = r.delivery.settings.channelRateLimit;
  const n = b.busiestChannelCalls;
  const gap = b.channelGapMs;
  const usedBurst = gap.p10 < 1000 / perSecond;
  const atPace = ((n - 1) * gap.p50) / 1000;
  return (
    `- Delivery: the busiest channel needed ${n} calls; the limits allow a burst of ${burst} and then ${perSecond}/s, ` +
    `so ${b.minimumSeconds.toFixed(2)} s. The app kept calls to one channel ${Math.round(gap.p50)} ms apart at the median ` +
    `(p10 ${Math.round(gap.p10)} ms, p90 ${Math.round(gap.p90)} ms)` +
    (usedBurst ? '' : ' and so never used the burst') +
    `: at that spacing ${n} calls take ${atPace.toFixed(2)} s. A p90 well above the median means channels also ` +
    'waited for the worker, not only for their pace.'
  );
}

function backlogNote(r: BenchResults): string {
  const e = backlogFigures(r.backlog.empty);
  const k = backlogFigures(r.backlog.backlog);
  const c = r.backlog.storeClaims;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return (
    `- Backlog: with ${Math.round(r.backlog.settings.channels * r.backlog.settings.perChannel).toLocaleString('en-US')} ` +
    `deliveries pending a claim on the store alone took ${ms(c.backlog.p50)} at the median (p99 ${ms(c.backlog.p99)}), ` +
    `against ${ms(c.shallow.p50)} (p99 ${ms(c.shallow.p99)}) with one pending per channel and ${ms(c.empty.p50)} ` +
    `(p99 ${ms(c.empty.p99)}) with the empty queue: the claim visits every channel that has ` +
    `pending jobs (${r.backlog.settings.channels} here) to find its oldest due job. Ingest ran at ${Math.round(k.rps)} ` +
    `against ${Math.round(e.rps)} req/s; every event also lands in larger tables and indexes (the backlog's own ` +
    'events and jobs), so each group commit writes more pages.'
  );
}

function sharedMachineNote(r: BenchResults): string {
  const others = r.ingest.app.cpu.map((c) => Math.max(0, c.machine - c.app - c.generator));
  const worst = Math.max(...others);
  if (!(worst > 0.3)) return '';
  return (
    `- The machine was shared: while the app was under load, other processes kept ${others.map((x) => x.toFixed(2)).join(', ')} ` +
    `of its ${r.machine.cpus} cores busy. The ratios to the peers, measured in turn in the same run, are the figures to read.`
  );
}

/** One line per missed target group, saying what the measurements show is in the way. */
export function explainMisses(r: BenchResults): string[] {
  const missed = new Set(
    checkTargets(r)
      .filter((t) => !t.met)
      .map((t) => t.name),
  );
  const notes: string[] = [];
  const ingestMissed = [...missed].some((n) => n.startsWith('Ingest') && !n.includes('pending'));
  if (ingestMissed) notes.push(ingestNote(r));
  if ([...missed].some((n) => n.startsWith('Ingest p99')))
    notes.push(latencyNote(r.settings.connections, r.ingest.app, r.ingest.durable, INGEST_P99_TARGET_MS));
  if ([...missed].some((n) => n.includes('pending'))) notes.push(backlogNote(r));
  notes.push(sharedMachineNote(r));
  if (missed.has('Delivery total time vs the minimum the limits allow')) notes.push(deliveryNote(r));
  if (missed.has('End-to-end latency p50, Slack not limiting')) {
    notes.push(
      '- End-to-end latency: the worker wakes on each commit; a slow claim or a busy main thread delays it.',
    );
  }
  if (missed.has('Peak RSS during ingest'))
    notes.push('- Memory: see the peak RSS above; the profile run shows what allocates.');
  if (missed.has('Idle RSS after start (1 s after /readyz 200)'))
    notes.push(
      '- Idle memory: most of it is the runtime and the modules loaded at start (Bolt, the Slack Web API client, pino, zod).',
    );
  if (missed.has('Start to /readyz 200 (built app, median of the starts)')) {
    notes.push('- Start: most of the start is loading modules (Bolt, the Slack Web API client, pino, zod).');
  }
  return notes.filter((n) => n !== '');
}
