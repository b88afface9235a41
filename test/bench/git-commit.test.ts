import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentCommit } from '../../bench/support/git-commit.js';

describe('the commit a benchmark run measured', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sota-bench-git-'));
    dirs.push(dir);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.ts'), 'export {};\n');
    writeFileSync(join(dir, 'README.md'), '# app\n');
    git('add', '.');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'first');
    return dir;
  }

  it('is clean when only Markdown changed, and not when code changed', () => {
    const dir = repo();
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    writeFileSync(join(dir, 'README.md'), '# app, measured\n');
    expect(currentCommit(dir)).toEqual({ sha: head, dirty: false });
    writeFileSync(join(dir, 'src', 'app.ts'), 'export const changed = true;\n');
    expect(currentCommit(dir)).toEqual({ sha: head, dirty: true });
  });
});
