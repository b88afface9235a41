import { execFileSync } from 'node:child_process';

/** The commit checked out in `dir` and whether tracked files differ from it (bench/ output aside). */
export function currentCommit(dir: string): { sha: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  try {
    const sha = git('rev-parse', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter((line) => line !== '' && !line.endsWith('BENCHMARKS.md') && !line.endsWith('RELIABILITY.md'));
    return { sha, dirty: changed.length > 0 };
  } catch {
    return { sha: 'unknown (not a git checkout)', dirty: false };
  }
}
