import { execFileSync } from 'node:child_process';

/**
 * The commit checked out in `dir` and whether tracked files that make up the app differ from it: a change
 * to Markdown (the README, the reports) alone changes nothing that is measured.
 */
export function currentCommit(dir: string): { sha: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  try {
    const sha = git('rev-parse', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter((line) => line !== '' && !line.endsWith('.md'));
    return { sha, dirty: changed.length > 0 };
  } catch {
    return { sha: 'unknown (not a git checkout)', dirty: false };
  }
}
