import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildInstance {
  url: string;
  /** Kills the process with SIGKILL (no shutdown, leases left behind) and waits for it to exit. */
  kill(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./instance-main.ts', import.meta.url));

/** Starts the app in a child process (TypeScript through tsx) and resolves once it listens. */
export function spawnInstance(env: Record<string, string>): Promise<ChildInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = /^READY (\S+)$/m.exec(out);
      if (ready?.[1]) resolve({ url: ready[1], kill });
    });
    child.once('exit', (code, signal) => reject(exitError(child, code, signal, err)));
  });
}

function exitError(child: ChildProcess, code: number | null, signal: string | null, stderr: string): Error {
  return new Error(
    `instance ${child.pid} exited (${code ?? signal}) before it was ready:\n${stderr.slice(-2000)}`,
  );
}
