/**
 * The app as a user runs it after `npm run build`: compiled with tsconfig.build.json into a private
 * folder inside the checkout (so `node_modules` resolves and parallel test files never share a build),
 * started with `node <build>/main.js` in a working directory of the test's own.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..', '..');

export interface BuiltApp {
  readonly dir: string;
  remove(): void;
}

export async function buildApp(): Promise<BuiltApp> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'sota-slack-build-'));
  chmodSync(dir, 0o755);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [
    '-p',
    join(root, 'tsconfig.build.json'),
    '--outDir',
    dir,
    '--tsBuildInfoFile',
    join(dir, '.tsbuildinfo'),
  ];
  await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: root });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <build>/main.js` with exactly `env` (plus PATH) in `cwd` and waits for it to exit;
 * a process still running after `waitMs` is stopped with SIGTERM and reported as it ended.
 */
export function runBuiltApp(
  app: BuiltApp,
  env: Record<string, string>,
  cwd: string,
  options: { unprivileged?: boolean; waitMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(app.dir, 'main.js')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.unprivileged ? unprivileged() : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.waitMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Run as an ordinary user: when the tests run as root (a container), the app runs as `nobody`, so a
 * directory it may not write to refuses it as it would on a server.
 */
function unprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
}

const NOBODY = 65534;

/** A fresh working directory: no `.env`, and `./data` is the test's own. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sota-slack-run-'));
  chmodSync(dir, 0o755);
  return dir;
}
