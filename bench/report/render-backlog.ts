import { WORKER_CLAIM_LIMIT } from '../app/time-claims.js';
import type { AppIngest } from '../phases/app-ingest.js';
import type { BacklogResults } from '../phases/backlog.js';
import { median, type Summary } from '../support/stats.js';

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : 'n/a');
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Figures of several runs of one kind: the median throughput, the worst tail and peak over all. */
export function backlogFigures(runs: AppIngest[]) {
  const byRps = [...runs].sort((a, b) => a.load.rps - b.load.rps);
  const mid = byRps[Math.floor((byRps.length - 1) / 2)]!;
  const claims = runs.reduce((n, r) => n + r.claims.count, 0);
  const claimMs = runs.reduce((n, r) => n + r.claims.meanMs * r.claims.count, 0);
  return {
    rps: median(runs.map((r) => r.load.rps)),
    rounds: runs.map((r) => r.load.rps),
    p50: mid.load.latencyMs.p50,
    p99: mid.load.latencyMs.p99,
    non2xx: runs.reduce((n, r) => n + r.load.non2xx, 0),
    accepted: runs.reduce((n, r) => n + r.accepted, 0),
    stored: runs.reduce((n, r) => n + r.stored, 0),
    claims,
    claimMeanMs: claims > 0 ? claimMs / claims : Number.NaN,
    claimP99Ms: Math.max(...runs.map((r) => (r.claims.count > 0 ? r.claims.p99AtMostMs : 0))),
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
  };
}

export function renderBacklog(b: BacklogResults, connections: number): string[] {
  const s = b.settings;
  const e = backlogFigures(b.empty);
  const o = backlogFigures(b.shallow);
  const k = backlogFigures(b.backlog);
  const c = b.storeClaims;
  const claimRow = (x: Summary) => `${ms(x.p50)} / ${ms(x.p99)} / ${ms(x.max)}`;
  const pending = b.pendingAtStart.map(int).join(', ');
  const row = (name: string, f: (x: typeof e) => string) => `| ${name} | ${f(e)} | ${f(o)} | ${f(k)} |`;
  return [
    '## 3. Ingest with a backlog of pending deliveries',
    '',
    `The ingest load above (${connections} connections, new deployments of one subscribed channel) on three stores ` +
      `that differ only in their queue: ${s.channels} more channels subscribed in all three; in the second one ` +
      `delivery pending in each of them, in the third ${int(s.channels * s.perChannel)} (${int(s.perChannel)} per ` +
      `channel; the store reported ${pending} pending at the start). Slack takes ${s.slackLatencyMs / 1000} s a call, ` +
      `so the queue stays while the worker claims and posts. ${s.rounds} round${s.rounds === 1 ? '' : 's'} of the three in turn.`,
    `Claims are timed twice. On the store alone: before each app starts, ${int(s.claimsTimed)} claims of up to ` +
      `${WORKER_CLAIM_LIMIT} jobs (what the worker asks for) are made one at a time on its store, with nothing else ` +
      'running, each finding the same queue, and timed with the clock; these are the figures the target reads. ' +
      'Under the load: the app’s own claims during the run, from its `delivery_claim_seconds` histogram (from asking ' +
      'the store until the leased jobs are back, the wait for the connection behind the group commits of the ' +
      'webhooks included); there are few of them, as Slack is slow, and their p99 is only the bucket bound it lies ' +
      'under. A claim visits each channel that has pending jobs once, so the one-per-channel store is the one that ' +
      'shows whether the claim stays flat as the backlog grows.',
    '',
    `| | empty queue | ${int(s.channels)} pending, one per channel | ${int(s.channels * s.perChannel)} pending |`,
    '|---|---:|---:|---:|',
    row('req/s (median of the rounds)', (f) => int(f.rps)),
    row('req/s per round', (f) => f.rounds.map(int).join(', ')),
    `| ingest ÷ ingest with the empty queue | | ${(o.rps / e.rps).toFixed(2)}× | ${(k.rps / e.rps).toFixed(2)}× |`,
    row('latency p50 / p99 (median round)', (f) => `${ms(f.p50)} / ${ms(f.p99)}`),
    row('non-2xx', (f) => String(f.non2xx)),
    row('2xx answers / events stored afterwards', (f) => `${int(f.accepted)} / ${int(f.stored)}`),
    `| claim on the store alone: p50 / p99 / max (${int(c.backlog.count)} claims each) | ${claimRow(c.empty)} | ` +
      `${claimRow(c.shallow)} | ${claimRow(c.backlog)} |`,
    `| claim p99 on the store alone ÷ one pending per channel | | | ${(c.backlog.p99 / c.shallow.p99).toFixed(2)}× |`,
    row('claims of the app during the runs, under the load', (f) => int(f.claims)),
    row('claim under the load: mean / p99 at most', (f) => `${ms(f.claimMeanMs)} / ${ms(f.claimP99Ms)}`),
    row('peak RSS', (f) => mb(f.peakRssBytes)),
    '',
    'Events stored afterwards include the queue’s own events.',
    '',
  ];
}
