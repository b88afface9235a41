/** Runs the app in a child process (TypeScript through tsx) and keeps every line it prints. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface AppChild {
  url: string;
  pid: number;
  /** Milliseconds from spawn to READY. */
  startMs: number;
  /** SIGKILL (no shutdown at all) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful stop) and wait for the exit. */
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./app-child-main.ts', import.meta.url));

/** Starts one instance; `lines` receives its stdout and stderr lines (for log scans). */
export function spawnAppChild(
  env: Record<string, string>,
  lines: string[],
  nodeArgs: string[] = [],
): Promise<AppChild> {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: 'SIGKILL' | 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let pending = { out: '', err: '' };
    const collect = (which: 'out' | 'err') => (chunk: Buffer) => {
      const text = pending[which] + chunk.toString('utf8');
      const parts = text.split('\n');
      pending = { ...pending, [which]: parts.pop() ?? '' };
      for (const line of parts) {
        lines.push(line);
        const ready = /^READY (\S+)$/.exec(line);
        if (ready?.[1]) {
          resolve({
            url: ready[1],
            pid: child.pid ?? 0,
            startMs: Date.now() - started,
            kill: () => signal('SIGKILL'),
            stop: () => signal('SIGTERM'),
          });
        }
      }
    };
    child.stdout?.on('data', collect('out'));
    child.stderr?.on('data', collect('err'));
    child.once('exit', (code, sig) =>
      reject(
        new Error(`app process exited (${code ?? sig}) before it was ready:\n${lines.slice(-20).join('\n')}`),
      ),
    );
  });
}
