/**
 * A vitest reporter for the reliability config: gives the tests a directory for their figures,
 * and at the end of the run writes RELIABILITY.md (at the repository root when every reliability
 * file ran; otherwise to a temp file, so a partial run never overwrites the report).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { type FigureRow, SECTIONS, type Section } from '../support/figures.js';
import { type ModuleResult, renderReport } from './render-report.js';
import { spliceSections } from './splice-sections.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COMMAND = 'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:reliability';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function moduleResult(m: TestModule): ModuleResult {
  const result: ModuleResult = {
    file: relative(ROOT, m.moduleId),
    passed: 0,
    failed: 0,
    skipped: 0,
    durationMs: 0,
    failures: [],
  };
  for (const test of m.children.allTests()) {
    const state = test.result().state;
    if (state === 'passed') result.passed += 1;
    else if (state === 'failed') {
      result.failed += 1;
      result.failures.push(test.fullName);
    } else result.skipped += 1;
  }
  result.durationMs = m.diagnostic().duration;
  return result;
}

function expectedFiles(): string[] {
  const dir = (sub: string, suffix: string) =>
    readdirSync(join(ROOT, 'test/reliability', sub))
      .filter((f) => f.endsWith(suffix))
      .map((f) => `test/reliability/${sub}/${f}`);
  return [...dir('fast', '.test.ts'), ...dir('full', '.full.ts')];
}

/**
 * RELIABILITY_SECTIONS=recovery,… : a partial run of those sections' files replaces just those sections
 * of RELIABILITY.md (each marked with this run), when every test of the run passed.
 */
function onlySections(): Section[] {
  const known = new Set<string>(Object.values(SECTIONS));
  return (process.env.RELIABILITY_SECTIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Section => known.has(s));
}

export default class ReliabilityReporter implements Reporter {
  private dir = '';
  private started = Date.now();

  onInit(vitest: Vitest): void {
    this.dir = mkdtempSync(join(tmpdir(), 'sota-reliability-figures-'));
    this.started = Date.now();
    vitest.provide('reliabilityResultsDir', this.dir);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = readdirSync(this.dir).map(
      (f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as FigureRow,
    );
    rmSync(this.dir, { recursive: true, force: true });
    const modules = testModules.map(moduleResult).sort((a, b) => a.file.localeCompare(b.file));
    const dirty = git(['status', '--porcelain', '--', 'src', 'test/reliability']) !== '';
    const meta = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      commit: `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
      command: COMMAND,
      node: process.version,
      postgres: Boolean(process.env.TEST_DATABASE_URL?.trim()),
      durationMs: Date.now() - this.started,
    };
    const markdown = renderReport(rows, modules, meta);
    const ran = new Set(modules.map((m) => m.file));
    const complete = expectedFiles().every((f) => ran.has(f));
    const target = complete ? join(ROOT, 'RELIABILITY.md') : join(tmpdir(), 'RELIABILITY.partial.md');
    writeFileSync(target, markdown);
    process.stdout.write(`\nReliability report written to ${target}\n`);
    const only = onlySections();
    if (!complete && only.length > 0 && modules.every((m) => m.failed === 0)) {
      const report = join(ROOT, 'RELIABILITY.md');
      writeFileSync(report, spliceSections(readFileSync(report, 'utf8'), only, rows, meta));
      process.stdout.write(`Sections ${only.join(', ')} of ${report} replaced with this run's figures\n`);
    }
  }
}
