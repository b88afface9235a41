import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSampleList, type Summary, summarize } from '../support/stats.js';
import { createResponseReader } from './response-reader.js';

/** Hands out the next pre-built request (raw HTTP bytes), or undefined when there is none left. */
export type RequestSource = () => Buffer | undefined;

export interface LoadOptions {
  host: string;
  port: number;
  /** Spread the connections over these ports in turn (several instances of one app); default `[port]`. */
  ports?: number[];
  connections: number;
  next: RequestSource;
  /** Responses in this first stretch are not measured. */
  warmupMs: number;
  /** Length of the measured stretch; omit to send until `next` runs dry. */
  durationMs?: number;
}

export interface LoadResult {
  /** Responses completed in the measured stretch. */
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: Summary;
  /** Responses with a status outside 200–299 in the measured stretch. */
  non2xx: number;
  /** Every status seen over the whole run, warm-up included. */
  statuses: Record<string, number>;
  /** Connections lost or refused over the whole run. */
  socketErrors: number;
}

interface RunState {
  sending: boolean;
  measuring: boolean;
  startedAt: number;
  measured: number;
  non2xx: number;
  socketErrors: number;
  statuses: Record<string, number>;
  latencies: ReturnType<typeof createSampleList>;
}

function record(state: RunState, status: number, latency: number): void {
  state.statuses[status] = (state.statuses[status] ?? 0) + 1;
  if (!state.measuring) return;
  state.measured += 1;
  state.latencies.push(latency);
  if (status < 200 || status > 299) state.non2xx += 1;
}

/** One keep-alive connection sending a request, waiting for its answer, then sending the next. */
function runConnection(options: LoadOptions, state: RunState, port: number): Promise<void> {
  return new Promise((resolve) => {
    let sentAt = 0;
    let inFlight = false;
    const socket: Socket = connect({ host: options.host, port, noDelay: true });
    const sendNext = () => {
      const request = state.sending ? options.next() : undefined;
      if (!request) {
        socket.end();
        return;
      }
      inFlight = true;
      sentAt = performance.now();
      socket.write(request);
    };
    const read = createResponseReader((status) => {
      inFlight = false;
      record(state, status, performance.now() - sentAt);
      sendNext();
    });
    socket.on('connect', sendNext);
    socket.on('data', (chunk: Buffer) => {
      try {
        read(chunk);
      } catch {
        socket.destroy();
      }
    });
    socket.on('error', () => {
      state.socketErrors += 1;
    });
    socket.on('close', () => {
      if (inFlight) state.socketErrors += 1;
      resolve();
    });
  });
}

/**
 * A cheap closed-loop load generator over raw sockets: `connections` keep-alive connections, each
 * with one request in flight, sending pre-built requests. Measures after `warmupMs` for `durationMs`.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const state: RunState = {
    sending: true,
    measuring: options.warmupMs <= 0,
    startedAt: performance.now(),
    measured: 0,
    non2xx: 0,
    socketErrors: 0,
    statuses: {},
    latencies: createSampleList(),
  };
  let measureFrom = state.startedAt;
  let measureTo = Number.NaN;
  const timers = [
    setTimeout(() => {
      state.measuring = true;
      measureFrom = performance.now();
    }, options.warmupMs),
  ];
  if (options.durationMs !== undefined) {
    timers.push(
      setTimeout(() => {
        state.sending = false;
        state.measuring = false;
        measureTo = performance.now();
      }, options.warmupMs + options.durationMs),
    );
  }
  const ports = options.ports ?? [options.port];
  const conns = Array.from({ length: options.connections }, (_, i) =>
    runConnection(options, state, ports[i % ports.length]!),
  );
  await Promise.all(conns);
  for (const t of timers) clearTimeout(t);
  if (Number.isNaN(measureTo)) measureTo = performance.now();
  const seconds = Math.max(1e-9, (measureTo - measureFrom) / 1000);
  return {
    requests: state.measured,
    seconds,
    rps: state.measured / seconds,
    latencyMs: summarize(state.latencies.values()),
    non2xx: state.non2xx,
    statuses: state.statuses,
    socketErrors: state.socketErrors,
  };
}
