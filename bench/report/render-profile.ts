import type { ProfiledRun } from './bench-results.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');

/** Main-thread CPU per answered request spent in one kind of work, in µs. */
function perRequestUs(run: ProfiledRun, name: string): number {
  const share = run.summary.categories.find((c) => c.name === name)?.self ?? 0;
  return (share * run.summary.busyMs * 1000) / Math.max(1, run.accepted);
}

function categoryRows(before: ProfiledRun, after: ProfiledRun): string[] {
  const names = [...new Set([...after.summary.categories, ...before.summary.categories].map((c) => c.name))];
  const rows = names.map((name) => ({ name, b: perRequestUs(before, name), a: perRequestUs(after, name) }));
  rows.sort((x, y) => y.b + y.a - (x.b + x.a));
  const total = (run: ProfiledRun) => (run.summary.busyMs * 1000) / Math.max(1, run.accepted);
  return [
    ...rows.map((r) => `| ${r.name} | ${r.b.toFixed(1)} | ${r.a.toFixed(1)} |`),
    `| **all busy time** | **${total(before).toFixed(1)}** | **${total(after).toFixed(1)}** |`,
  ];
}

function topRows(run: ProfiledRun): string[] {
  return run.summary.top.map((e) => `| \`${e.name.replaceAll('|', '\\|')}\` | ${pct(e.self)} |`);
}

/** Where the main thread's time went under the ingest load, before the ingest work and now. */
export function renderProfiles(p: { before: ProfiledRun; after: ProfiledRun }): string[] {
  const { before, after } = p;
  const line = (run: ProfiledRun, what: string) =>
    `- ${what} (\`${run.label}\`): ${int(run.rps)} req/s under the profiler, ${int(run.accepted)} requests answered, ` +
    `main thread busy ${pct(run.summary.busy)} of ${(run.summary.totalMs / 1000).toFixed(1)} s.`;
  return [
    '### Where the time goes: before and after',
    '',
    'The same load on two builds of the app, each in its own `--cpu-prof` run in this run of the benchmark ' +
      '(profiling slows the app down, so these runs are shorter and their rates lower than above):',
    line(before, 'before the ingest work'),
    line(after, 'the code measured above'),
    '',
    '| kind of work (main thread) | before, µs per request | after, µs per request |',
    '|---|---:|---:|',
    ...categoryRows(before, after),
    '',
    `Heaviest functions after (self time, share of the whole profile; before: ${before.summary.top
      .slice(0, 3)
      .map((e) => `\`${e.name}\` ${pct(e.self)}`)
      .join(', ')}):`,
    '',
    '| function | share |',
    '|---|---:|',
    ...topRows(after),
    '',
  ];
}
