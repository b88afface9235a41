/**
 * The app as its own process, for tests that SIGKILL it. Configured by the environment like the
 * real entry point, plus RELIABILITY_WORKER (worker tuning as JSON) and RELIABILITY_WORKER_ID.
 * Logs JSON lines to stdout and prints `READY <url>` once it listens. With RELIABILITY_SAMPLE_MS
 * (and node's --expose-gc) it also prints `SAMPLE {heapUsed, rss, handles, resources}` that often,
 * measured right after a full garbage collection.
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

const sampleMs = Number(process.env.RELIABILITY_SAMPLE_MS ?? 0);
const collect = (globalThis as { gc?: () => void }).gc;
if (sampleMs > 0 && collect) {
  const timer = setInterval(() => {
    collect();
    const { heapUsed, rss } = process.memoryUsage();
    const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
    const resources = process.getActiveResourcesInfo().length;
    process.stdout.write(`SAMPLE ${JSON.stringify({ at: Date.now(), heapUsed, rss, handles, resources })}\n`);
  }, sampleMs);
  timer.unref();
}
const stop = () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
