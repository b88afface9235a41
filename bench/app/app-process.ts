import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type AppBuild, REPO_ROOT } from './app-build.js';
import { childEnv } from './bench-app-env.js';

const OUT_DIR = join(REPO_ROOT, 'bench', '.out');

/**
 * Compiles bench/app/loopback-only.ts to bench/.out/loopback-only.mjs and returns the node flags that
 * preload it, so the app (which listens on every interface) listens on 127.0.0.1 only.
 */
export function loopbackFlags(): string[] {
  const source = readFileSync(join(REPO_ROOT, 'bench', 'app', 'loopback-only.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, 'loopback-only.mjs');
  writeFileSync(file, outputText);
  return ['--import', file];
}

export interface AppProcessOptions {
  build: AppBuild;
  env: Record<string, string>;
  /** Working directory (no `.env` there, so only `env` configures the app). */
  cwd: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** Runs a build of the app exactly as `npm start` does (`node dist/main.js`) and waits until it listens. */
export function startAppProcess(options: AppProcessOptions): Promise<ServerProcess> {
  return startServerProcess({
    args: [
      ...options.build.nodeFlags,
      ...loopbackFlags(),
      ...(options.nodeFlags ?? []),
      options.build.mainJs,
    ],
    env: childEnv(options.env),
    cwd: options.cwd,
  });
}

/** Runs a TypeScript server under bench/ with tsx. */
export function startTsServer(file: string, env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({
    args: ['--import', 'tsx', join(REPO_ROOT, 'bench', file)],
    env: childEnv(env),
    cwd: REPO_ROOT,
  });
}
