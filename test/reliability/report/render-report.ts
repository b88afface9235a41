/** Renders RELIABILITY.md from the recorded figures and the test results. Pure. */
import { COLUMNS, type FigureRow, type FigureValue, SECTIONS, type Section } from '../support/figures.js';
import { SECTION_NOTES } from './section-notes.js';

export interface ModuleResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  failures: string[];
}

export interface ReportMeta {
  date: string;
  commit: string;
  command: string;
  node: string;
  postgres: boolean;
  durationMs: number;
}

const cell = (v: FigureValue | undefined) => (v === undefined ? '' : String(v).replace(/\|/g, '\\|'));

/** Rows with the same columns as one table. */
function grid(rows: FigureRow[]): string {
  const columns = Object.keys(rows[0]?.values ?? {});
  const head = `| case | ${columns.join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const body = rows.map((r) => `| ${cell(r.name)} | ${columns.map((c) => cell(r.values[c])).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Rows of their own shape, one line of figures each. */
function figureList(rows: FigureRow[]): string {
  const line = (r: FigureRow) =>
    `| ${cell(r.name)} | ${Object.entries(r.values)
      .map(([k, v]) => `${cell(k)}: **${cell(v)}**`)
      .join(' · ')} |`;
  return ['| case | figures |', '|---|---|', ...rows.map(line)].join('\n');
}

/** A table for each group of rows sharing their columns; the rows that share them with none, as a list. */
function tables(rows: FigureRow[]): string {
  const groups = new Map<string, FigureRow[]>();
  for (const r of rows) {
    const shape = Object.keys(r.values).join('\u0000');
    groups.set(shape, [...(groups.get(shape) ?? []), r]);
  }
  const shared = [...groups.values()].filter((g) => g.length > 1).map(grid);
  const single = [...groups.values()].filter((g) => g.length === 1).flat();
  return [...shared, ...(single.length > 0 ? [figureList(single)] : [])].join('\n\n');
}

function sum(rows: FigureRow[], column: string): number {
  return rows.reduce(
    (total, r) => total + (typeof r.values[column] === 'number' ? (r.values[column] as number) : 0),
    0,
  );
}

function summary(rows: FigureRow[], modules: ModuleResult[]): string {
  const of = (section: Section) => rows.filter((r) => r.section === section);
  const fixedFiles = modules.filter((m) =>
    /^test\/(http\/|slack\/request-verification|sota\/signature)/.test(m.file),
  );
  const properties = of(SECTIONS.hostile).filter((r) => typeof r.values[COLUMNS.runs] === 'number');
  const load = [
    ...of(SECTIONS.crash),
    ...of(SECTIONS.slackOutage),
    ...of(SECTIONS.rateLimit),
    ...of(SECTIONS.soak),
  ];
  const failed = modules.reduce((n, m) => n + m.failed, 0);
  const lines = [
    [
      'tests',
      `${modules.reduce((n, m) => n + m.passed, 0)} passed, ${failed} failed, ${modules.reduce((n, m) => n + m.skipped, 0)} skipped`,
    ],
    [
      'bad inputs tried',
      `${properties.length} property tests × ${sum(properties, COLUMNS.runs)} runs in all (random mutations and inputs); ` +
        `${fixedFiles.reduce((n, m) => n + m.passed, 0)} fixed cases (webhook edge, Slack request verification, signature vectors)`,
    ],
    [
      'load held',
      `${sum(load, 'webhooks')} webhooks acknowledged through ${sum(
        of(SECTIONS.crash).filter((r) => r.values.signal === 'SIGKILL'),
        'kills',
      )} SIGKILLs, Slack outages, 429 storms and a soak`,
    ],
    ['data lost', String(sum(rows, COLUMNS.lost))],
    ['duplicate posts', `${sum(rows, COLUMNS.duplicatePosts)} (see the duplicate window under Crash)`],
    ['secrets found', String(sum(rows, COLUMNS.secretsFound))],
  ];
  return ['| | |', '|---|---|', ...lines.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function modulesTable(modules: ModuleResult[]): string {
  const rows = modules.map(
    (m) =>
      `| \`${m.file}\` | ${m.passed} | ${m.failed} | ${m.skipped} | ${(m.durationMs / 1000).toFixed(1)} s |`,
  );
  const failures = modules.flatMap((m) => m.failures.map((f) => `- FAILED: \`${m.file}\` — ${f}`));
  return [
    '| file | passed | failed | skipped | time |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    ...failures,
  ].join('\n');
}

/** One section of the report: its title, its explanation and its tables. */
export function renderSection(section: Section, rows: FigureRow[]): string {
  const own = rows.filter((r) => r.section === section).sort((a, b) => a.at - b.at);
  return `## ${SECTION_NOTES[section].title}\n\n${SECTION_NOTES[section].text}\n\n${tables(own)}`;
}

export function renderReport(recorded: FigureRow[], modules: ModuleResult[], meta: ReportMeta): string {
  const rows = [...recorded].sort((a, b) => a.at - b.at);
  const sections = Object.values(SECTIONS)
    .filter((s) => rows.some((r) => r.section === s))
    .map((s) => renderSection(s, rows));
  const pg = meta.postgres
    ? 'SQLite and PostgreSQL'
    : 'SQLite only (TEST_DATABASE_URL was not set: PostgreSQL cases skipped)';
  return [
    '# Reliability report',
    '',
    'What the app promises: a webhook answered 2xx is never lost; a deployment is one message, posted once; ' +
      'nothing unsigned, forged, replayed into another tenant or malformed changes anything; no secret is ' +
      'readable at rest or in a log. This file is written by the reliability suite from what it measured; ' +
      'every figure below comes from the run described here. The rules and cases are in ' +
      '`../shared/RELIABILITY.md`; the suite is `test/reliability/`.',
    '',
    `- **Run:** ${meta.date}, commit \`${meta.commit}\`, ${(meta.durationMs / 60_000).toFixed(1)} minutes, Node ${meta.node}, stores: ${pg}`,
    `- **Command:** \`${meta.command}\``,
    '',
    '## Summary',
    '',
    summary(rows, modules),
    '',
    ...sections.flatMap((s) => [s, '']),
    '## Test files in this run',
    '',
    modulesTable(modules),
    '',
  ].join('\n');
}
