import type { ComparedFigures, CompareResults } from '../phases/compare.js';
import { median } from '../support/stats.js';

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The median throughput of a build's ingest rounds, and the p99 of its median round. */
export function comparedIngest(f: ComparedFigures) {
  const byRps = [...f.ingest].sort((a, b) => a.load.rps - b.load.rps);
  const mid = byRps[Math.floor((byRps.length - 1) / 2)]!;
  return {
    rps: median(f.ingest.map((r) => r.load.rps)),
    p99: mid.load.latencyMs.p99,
    non2xx: f.ingest.reduce((n, r) => n + r.load.non2xx, 0),
    lost: f.ingest.reduce((n, r) => n + Math.max(0, r.accepted - r.stored), 0),
  };
}

type Bulk = ComparedFigures['delivery'][number]['bulk'];

/** A delivery run's time over the least time Slack's limits allow for the calls it made. */
const runOverMinimum = (b: Bulk) => b.totalSeconds / b.minimumSeconds;

/** A build's delivery runs, and the median of their times over their minimums. */
export function comparedDelivery(f: ComparedFigures) {
  const runs = f.delivery.map((d) => d.bulk);
  return {
    runs,
    overMinimum: median(runs.map(runOverMinimum)),
    lost: runs.reduce((n, b) => n + b.lost, 0),
    duplicated: runs.reduce((n, b) => n + b.duplicated, 0),
  };
}

/**
 * How the code measured compares with an earlier build: ingest rate and delivery speed, as ratios.
 * Delivery compares each build's time over its own minimum: how many calls the busiest channel needs
 * depends on how many deployments were posted as started before their success arrived, a race between
 * the load and the worker's first claims that changes from run to run, while the pacing is the code's.
 */
export function comparedRatios(c: CompareResults, earlier: ComparedFigures) {
  const now = c.builds.at(-1)!;
  return {
    ingest: comparedIngest(now).rps / comparedIngest(earlier).rps,
    // Less time over the minimum is better; the ratio is earlier ÷ now, so ≥ 1 means not slower.
    delivery: comparedDelivery(earlier).overMinimum / comparedDelivery(now).overMinimum,
  };
}

export function renderCompare(c: CompareResults | undefined): string[] {
  if (!c) return [];
  const now = c.builds.at(-1)!;
  const rows = c.builds.map((f) => {
    const i = comparedIngest(f);
    const d = comparedDelivery(f);
    const runs = d.runs
      .map(
        (b) =>
          `${b.totalSeconds.toFixed(2)} s, ${b.busiestChannelCalls} calls (${runOverMinimum(b).toFixed(2)}×)`,
      )
      .join('; ');
    const ratios =
      f === now
        ? '—'
        : (() => {
            const r = comparedRatios(c, f);
            return `${r.ingest.toFixed(2)}× / ${r.delivery.toFixed(2)}×`;
          })();
    return (
      `| \`${f.label}\` (${f.since}) | ${int(i.rps)} | ${ms(i.p99)} | ${i.non2xx} / ${i.lost} | ` +
      `${d.overMinimum.toFixed(2)}× | ${runs} | ${d.lost} / ${d.duplicated} | ${ratios} |`
    );
  });
  return [
    '## 6. The code measured against earlier builds, in this run',
    '',
    `Each build was started with the same node flags (\`${c.nodeFlags.join(' ') || '(none)'}\`), so only the code ` +
      `differs. Ingest: the load of section 1, ${c.rounds} round${c.rounds === 1 ? '' : 's'} of the builds in turn, ` +
      `each shown by its median round. Delivery: the bulk run of section 2, ${c.deliveryRounds} round` +
      `${c.deliveryRounds === 1 ? '' : 's'} of the builds in turn, compared by the median.`,
    '',
    "| build | ingest req/s | ingest p99 | non-2xx / 2xx not stored | delivery ÷ minimum (median) | each delivery run: first webhook → last call, busiest channel's calls (÷ minimum for them) | messages lost / duplicated | the code measured: ingest ÷ this / this build's delivery ÷ minimum over the code measured's |",
    '|---|---:|---:|---:|---:|---|---:|---:|',
    ...rows,
    '',
    'A ratio of 1.00× or more means the code measured is not slower; differences of a few per cent are within ' +
      "the spread of the rounds. Delivery is compared over each build's own minimum: how many calls the busiest " +
      'channel needs depends on how many deployments were posted as started before their success arrived (a race ' +
      'between the load and the first claims, different in every run), and each call costs that channel a second.',
    '',
  ];
}
