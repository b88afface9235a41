import type { AppIngest } from '../phases/app-ingest.js';
import type { PostgresResults } from '../phases/postgres.js';
import { deliveryTable } from './render-sections.js';

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

function ingestRow(name: string, r: AppIngest): string {
  const l = r.load;
  return (
    `| ${name} | ${int(l.rps)} | ${ms(l.latencyMs.p50)} | ${ms(l.latencyMs.p99)} | ${ms(l.latencyMs.max)} | ` +
    `${l.non2xx} | ${int(r.accepted)} / ${int(r.stored)} | ${r.cpu.app.toFixed(2)} | ${mb(r.peakRssBytes)} |`
  );
}

export function renderPostgres(p: PostgresResults | undefined, sqliteRps: number): string[] {
  if (!p) {
    return [
      '## 4. PostgreSQL',
      '',
      'Not run: no PostgreSQL was given (set `BENCH_DATABASE_URL` or `TEST_DATABASE_URL`).',
      '',
    ];
  }
  const settings = Object.entries(p.settings).map(([k, v]) => `\`${k}\` ${v}`);
  return [
    '## 4. PostgreSQL',
    '',
    `The app with \`DATABASE_URL\` on PostgreSQL at ${p.server} (on this machine), each run on a fresh schema. ` +
      'The server as it reported itself: ' +
      `${settings.join(', ')}. The app's commits keep \`synchronous_commit\` as the server sets it; each instance ` +
      'uses a pool of 10 connections.',
    '',
    'Ingest: the same load as section 1; with two instances the connections take turns between them.',
    '',
    '| instances | req/s | p50 | p99 | max | non-2xx | 2xx / stored | cores (all instances) | peak RSS (one instance) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ingestRow('one', p.oneInstance),
    ingestRow('two, same database', p.twoInstances),
    '',
    `For comparison, one instance on SQLite in section 1: ${int(sqliteRps)} req/s.`,
    '',
    'Delivery with two instances on the same database (the bulk run of section 2, webhooks to both in turn; ' +
      'each instance paces the channels it serves on its own):',
    '',
    ...deliveryTable(p.delivery),
  ];
}
