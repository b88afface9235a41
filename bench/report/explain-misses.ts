import type { BenchResults } from './bench-results.js';
import { checkTargets } from './targets.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function ingestNote(r: BenchResults): string {
  const app = r.ingest.app;
  const cores = app.cpu.map((c) => c.app.toFixed(2)).join(', ');
  const cpuLine =
    `- Ingest: the app kept ${cores} cores busy in its rounds (at ${Math.round(app.rps)} req/s), so its one ` +
    'JavaScript thread, which reads, verifies, parses and stores every request, is the limit; the other ' +
    'core was mostly free.';
  const p = r.profile;
  if (!p) return `${cpuLine} No profile was taken in this run (run with \`--profile\`).`;
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
    'SQLite runs on the same thread: every statement, every commit and the wait for the disk (the ' +
    'fsync of the WAL at each group commit, and the checkpoints) holds up the requests behind it.\n' +
    WORKER_THREAD_FINDING
  );
}

/**
 * A measured finding, not re-measured by each run: the SQLite store moved into a worker thread (an RPC proxy
 * with group commit inside the worker) was tried on 2026-11-27 in A/B runs that swapped only the store.
 */
const WORKER_THREAD_FINDING =
  '- Tried and not kept: running the SQLite store in a worker thread, so the HTTP thread only reads, verifies ' +
  'and parses. A/B at 64 connections on this machine: in-thread 12,014 and 12,021 req/s, in a worker 11,345 ' +
  'and 12,237 req/s; at 16 connections 8,717/8,201 vs 8,983/8,245/8,164. The app then used 1.13 cores instead ' +
  'of 0.95 for the same throughput: the limit is how many durable commits SQLite completes per second (the ' +
  'store alone, without HTTP, takes about 10,000 ingests/s from 16 concurrent callers and 12,000/s from 64), ' +
  'not the main thread. What would move it: fewer fsyncs (the delivery path still commits its claim, message ' +
  'and completion writes one by one, between the ingest group commits), or relaxing durability, which this ' +
  'app does not do: a 2xx means the event is on disk.';

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
    'waited for the worker, not only for their pace (a job keeps its worker slot while it sleeps for its channel).'
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
  if ([...missed].some((n) => n.startsWith('Ingest'))) notes.push(ingestNote(r));
  if (missed.has('Delivery total time vs the minimum the limits allow')) notes.push(deliveryNote(r));
  if (missed.has('End-to-end latency p50, Slack not limiting')) {
    notes.push(
      '- End-to-end latency: the worker wakes on each commit; a slow claim or a busy main thread delays it.',
    );
  }
  if (missed.has('Peak RSS during ingest'))
    notes.push('- Memory: see the peak RSS above; the profile run shows what allocates.');
  if (missed.has('Start to /readyz 200 (built app, median of the starts)')) {
    notes.push('- Start: most of the start is loading modules (Bolt, the Slack Web API client, pino, zod).');
  }
  return notes.filter((n) => n !== '');
}
