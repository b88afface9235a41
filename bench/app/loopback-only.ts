/**
 * Preloaded into the app's process by the benchmarks (`node --import …`): a server that is told to
 * listen without a host listens on 127.0.0.1 instead of every interface, so a benchmark run never
 * opens a port beyond this machine. Compiled to plain JavaScript before use (see app-process.ts).
 */
import { Server } from 'node:net';

const LOOPBACK = '127.0.0.1';
const original = Server.prototype.listen;

function withLoopback(args: unknown[]): unknown[] {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort && (second === undefined || second === null)) return [first, LOOPBACK, ...args.slice(2)];
  if (isPort && typeof second === 'function') return [first, LOOPBACK, ...args.slice(1)];
  if (typeof first === 'object' && first !== null && !('host' in first) && !('path' in first)) {
    return [{ ...first, host: LOOPBACK }, ...args.slice(1)];
  }
  return args;
}

Server.prototype.listen = function listen(this: Server, ...args: unknown[]) {
  return (original as (...a: unknown[]) => Server).apply(this, withLoopback(args));
} as typeof Server.prototype.listen;
