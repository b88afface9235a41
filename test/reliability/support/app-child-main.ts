/**
 * The app as its own process, for tests that SIGKILL it. Configured by the environment like the
 * real entry point, plus RELIABILITY_WORKER (worker tuning as JSON) and RELIABILITY_WORKER_ID.
 * Logs JSON lines to stdout and prints `READY <url>` once it listens.
 */
import { startApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/load-config.js';

const config = loadConfig(process.env);
const worker = JSON.parse(process.env.RELIABILITY_WORKER ?? '{}') as Record<string, number>;
const app = await startApp(config, {
  host: '127.0.0.1',
  port: 0,
  worker,
  hookCacheTtlMs: 0,
  ...(process.env.RELIABILITY_WORKER_ID ? { workerId: process.env.RELIABILITY_WORKER_ID } : {}),
});
process.stdout.write(`READY ${app.url}\n`);
const stop = () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
