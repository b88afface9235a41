/**
 * One app instance as its own process, for tests that kill an instance abruptly (SIGKILL).
 * Configured by the environment like the real entry point; SCALE_WORKER holds worker tuning as JSON.
 * Prints `READY <url>` once it listens.
 */
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';

const config = loadConfig(process.env);
const worker = JSON.parse(process.env.SCALE_WORKER ?? '{}') as Record<string, number>;
const app = await startApp(config, {
  host: '127.0.0.1',
  port: 0,
  workerId: process.env.SCALE_WORKER_ID ?? 'child',
  worker,
  hookCacheTtlMs: 0,
});
process.stdout.write(`READY ${app.url}\n`);
