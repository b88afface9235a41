import { createRequire } from 'node:module';
import { loadOnFirstUse } from '../runtime/load-on-first-use.js';

/**
 * prom-client without loading @opentelemetry/api (about 50 modules) at start: prom-client requires it
 * for exemplars on its CPU counter, which the app never turns on, so it loads if that is ever read.
 */
const require = createRequire(import.meta.url);
loadOnFirstUse('@opentelemetry/api', require.resolve('prom-client/lib/metrics/processCpuTotal.js'));
const prom = require('prom-client') as typeof import('prom-client');

export const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = prom;
export type Counter<T extends string> = import('prom-client').Counter<T>;
export type Gauge<T extends string> = import('prom-client').Gauge<T>;
export type Histogram<T extends string> = import('prom-client').Histogram<T>;
export type Registry = import('prom-client').Registry;
