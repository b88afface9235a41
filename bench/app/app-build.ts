import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { loadConfig } from '../../src/config/load-config.js';
import type { createLogger } from '../../src/log/logger.js';
import type { openStore, resolveSecretBox } from '../../src/store/open-store.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** A built copy of the app: its root (with dist/ and node_modules) and the commit it was built from. */
export interface AppBuild {
  root: string;
  mainJs: string;
  label: string;
  /** The node flags of the build's `npm start` (`node <flags> dist/main.js`), so the bench runs what it runs. */
  nodeFlags: string[];
}

/** The flags between `node` and `dist/main.js` in the build's `scripts.start`. */
export function startFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = (pkg.scripts?.start ?? 'node dist/main.js').trim().split(/\s+/);
  const main = words.indexOf('dist/main.js');
  if (words[0] !== 'node' || main === -1)
    throw new Error(`npm start is not "node [flags] dist/main.js": ${words.join(' ')}`);
  return words.slice(1, main);
}

/** The app's own modules from a build, so seeding and counting use the store code of that build. */
export interface BuildModules {
  loadConfig: typeof loadConfig;
  createLogger: typeof createLogger;
  openStore: typeof openStore;
  resolveSecretBox: typeof resolveSecretBox;
  knownEvents: readonly string[];
}

function tsc(root: string): void {
  const bin = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [bin, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the build in ${root} failed; see the output above`);
}

/** `npm run build` of the work tree: compiles src/ to dist/ with the project's own TypeScript. */
export function buildCurrent(label: string): AppBuild {
  tsc(REPO_ROOT);
  return {
    root: REPO_ROOT,
    mainJs: join(REPO_ROOT, 'dist', 'main.js'),
    label,
    nodeFlags: startFlags(REPO_ROOT),
  };
}

/**
 * The app as it was at `commit`: its files from git under bench/.out/builds/<commit>, sharing this
 * checkout's node_modules, built once (a later run reuses the build).
 */
export function buildAtCommit(commit: string): AppBuild {
  const sha = execFileSync('git', ['rev-parse', commit], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const root = join(REPO_ROOT, 'bench', '.out', 'builds', sha);
  const mainJs = join(root, 'dist', 'main.js');
  if (!existsSync(mainJs)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const archive = execFileSync(
      'git',
      ['archive', sha, 'src', 'tsconfig.build.json', 'tsconfig.json', 'package.json'],
      {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    execFileSync('tar', ['-x', '-C', root], { input: archive });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    tsc(root);
  }
  return { root, mainJs, label: sha.slice(0, 7), nodeFlags: startFlags(root) };
}

/** Imports the config, logger, store and event modules of a build's dist/. */
export async function buildModules(build: AppBuild): Promise<BuildModules> {
  const load = (path: string) => import(pathToFileURL(join(build.root, 'dist', path)).href);
  const [config, logger, store, event] = await Promise.all([
    load('config/load-config.js'),
    load('log/logger.js'),
    load('store/open-store.js'),
    load('sota/event.js'),
  ]);
  return {
    loadConfig: config.loadConfig,
    createLogger: logger.createLogger,
    openStore: store.openStore,
    resolveSecretBox: store.resolveSecretBox,
    knownEvents: event.KNOWN_EVENTS,
  };
}
