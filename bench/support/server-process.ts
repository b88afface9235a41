import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServerProcessOptions {
  /** Arguments after the node binary, e.g. `['dist/main.js']` or `['--import', 'tsx', 'bench/x.ts']`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Give up waiting for the port after this long (default 20 s). */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  readonly child: ChildProcess;
  /** The last lines of stderr, for error messages. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (or signal name). */
  stop(graceMs?: number): Promise<number | string>;
}

/** The first stdout line that is JSON with a numeric `port` names the listening port. */
function portOf(line: string): number | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = (JSON.parse(line) as { port?: unknown }).port;
    return typeof value === 'number' && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
}

/** Starts a node process that prints its listening port as a JSON line on stdout, and waits for it. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (process.env.BENCH_DEBUG) process.stderr.write(`${line}\n`);
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
  });
  const stderrTail = () => stderr.join('\n');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('server did not report a port in time')),
      options.startTimeoutMs ?? 20_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const found = portOf(line);
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(found);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${stderrTail()}`));
    });
  });
  child.stdout!.resume();
  const stop = async (graceMs = 5000) => {
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await done;
    clearTimeout(timer);
    return code;
  };
  return { pid: child.pid!, port, child, stderrTail, stop };
}
