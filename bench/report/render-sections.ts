import type { DeliveryResults } from '../phases/delivery.js';
import type { BenchResults, IngestFigures } from './bench-results.js';

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

const cores = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function cpuRounds(rounds: BenchResults['ingest']['app']['cpu']): string {
  return rounds
    .map(
      (c) =>
        `${cores(c.app)} / ${cores(c.generator)} / ${cores(Math.max(0, c.machine - c.app - c.generator))}`,
    )
    .join('; ');
}

function ingestRow(name: string, f: IngestFigures, appRps: number): string {
  const ratio = name.startsWith('sota-slack') ? '—' : `${(appRps / f.rps).toFixed(2)}×`;
  const rounds = f.rounds.map(int).join(', ');
  return `| ${name} | ${int(f.rps)} | ${ratio} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.non2xx} | ${rounds} |`;
}

export function renderIngest(r: BenchResults): string[] {
  const { bare, express, durable, app } = r.ingest;
  const s = r.settings;
  return [
    '## 1. Ingest: `POST /webhooks/sota/:hookId`',
    '',
    `${s.connections} keep-alive connections, one request in flight on each, ${s.warmupMs / 1000} s warm-up then ` +
      `${s.durationMs / 1000} s measured; ${s.rounds} round${s.rounds === 1 ? '' : 's'} of the four servers in turn, each shown by its median round.`,
    'Every request is a correctly signed `deploy.started` for a new deployment id, signed before the run.',
    'The app stores each event durably (SQLite, WAL, synchronous=FULL, group commit) and queues a delivery to a',
    'subscribed channel before it answers 202; its delivery worker posts to the fake Slack meanwhile.',
    '',
    '| server | req/s | app ÷ this | p50 | p99 | max | non-2xx | req/s per round |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ingestRow('bare `node:http`: body, HMAC, `JSON.parse`, 202', bare, app.rps),
    ingestRow(
      "sota.io guide's sketch: Express, `express.json()`, HMAC of `JSON.stringify(req.body)`",
      express,
      app.rps,
    ),
    ingestRow(
      'durable peer: the bare route + `better-sqlite3` (WAL, synchronous=FULL), one row per request, group commit per event-loop turn, 202 after the commit',
      durable,
      app.rps,
    ),
    ingestRow(`sota-slack (\`${r.appCommand}\`)`, app, app.rps),
    '',
    `Answered 2xx by the app over all rounds: ${int(app.accepted)}; events in its stores afterwards: ${int(app.stored)}.` +
      (app.ranDry
        ? ' The pre-signed requests ran out in a round, so some requests repeated a deployment.'
        : ''),
    'CPU while the app was under load, per round, in cores kept busy (the app / the bench process with the ' +
      `generator and the fake Slack / everything else on the machine): ${cpuRounds(app.cpu)}.`,
    '',
  ];
}

/** The table of one delivery run: time against the limits, what reached Slack, what was lost. */
export function deliveryTable(d: DeliveryResults): string[] {
  const b = d.bulk;
  const calls = Object.entries(b.calls)
    .map(([m, n]) => `${m} ${int(n)}`)
    .join(', ');
  return [
    '| | |',
    '|---|---:|',
    `| first webhook → last Slack call answered | ${b.totalSeconds.toFixed(2)} s${b.finished ? '' : ' (projected: not finished in time)'} |`,
    `| minimum the limits allow for the calls made (busiest channel: ${b.busiestChannelCalls} calls) | ${b.minimumSeconds.toFixed(2)} s |`,
    `| ratio to that minimum | ${(b.totalSeconds / b.minimumSeconds).toFixed(2)}× |`,
    `| minimum with one call per deployment (every message posted once, already final) | ${b.floorSeconds.toFixed(2)} s |`,
    `| ratio to that floor | ${(b.totalSeconds / b.floorSeconds).toFixed(2)}× |`,
    `| Slack calls that succeeded | ${calls} |`,
    `| 429 answers / calls before a Retry-After expired | ${b.rateLimited} / ${b.earlyCalls} |`,
    `| messages lost / duplicated | ${b.lost} / ${b.duplicated} |`,
    `| time between calls to one channel, p10 / p50 / p90 | ${ms(b.channelGapMs.p10)} / ${ms(b.channelGapMs.p50)} / ${ms(b.channelGapMs.p90)} |`,
    `| webhook non-2xx | ${b.non2xx} |`,
    `| end-to-end latency, webhook sent → Slack call made, nothing limited (${d.latencyMs.count} events): p50 / p99 | ` +
      `${ms(d.latencyMs.p50)} / ${ms(d.latencyMs.p99)} |`,
    '',
  ];
}

export function renderDelivery(r: BenchResults): string[] {
  const s = r.delivery.settings;
  return [
    '## 2. Delivery to Slack',
    '',
    `${s.workspaces} workspaces × ${s.channelsPerWorkspace} channels, each channel subscribed to its own project; ` +
      `${s.deploymentsPerChannel} deployments per channel. The fake Slack allows each channel ${s.channelRateLimit.perSecond} call/s ` +
      `with bursts of ${s.channelRateLimit.burst}, answers 429 with Retry-After beyond that, and takes ${s.slackLatencyMs} ms a call.`,
    `The bulk run sends every deployment's \`deploy.started\`, then every one's \`deploy.succeeded\` (${int(r.delivery.bulk.events)} webhooks, ` +
      `${s.connections} connections), and waits until every message shows the final state.`,
    '',
    ...deliveryTable(r.delivery),
  ];
}

export function renderMemoryAndStart(r: BenchResults): string[] {
  const { app } = r.ingest;
  const st = r.start;
  return [
    '## 5. Memory and start',
    '',
    '| | |',
    '|---|---:|',
    `| RSS idle, 1 s after /readyz 200 | ${mb(app.idleRssBytes)} |`,
    ...(st.idle
      ? [
          `| RSS of a started process serving nothing, ${st.idle.afterMs.map((t) => `${t / 1000} s`).join(' / ')} after /readyz 200 | ${st.idle.rssBytes.map(mb).join(' / ')} |`,
        ]
      : []),
    `| peak RSS during the ingest runs | ${mb(app.peakRssBytes)} |`,
    `| start → /readyz 200, empty data directory (creates the database) | ${ms(st.firstMs)} |`,
    `| start → /readyz 200, existing database, each of ${st.warmMs.length} starts | ${st.warmMs.map(ms).join(', ')} |`,
    `| start → /readyz 200, median / slowest of all ${st.warmMs.length + 1} | ${ms(st.medianMs)} / ${ms(st.maxMs)} |`,
    '',
    `Start is measured from spawning \`${r.appCommand}\` (what \`npm start\` runs once built) to the first 200.`,
    ...(st.idle
      ? [
          'The idle target reads the RSS 1 s after /readyz, before V8 has released what the start left on its heap; the process left idle shows what an idle instance keeps.',
        ]
      : []),
    '',
  ];
}
