import pg from 'pg';
import { createTestSchema } from '../../test/scale/pg-schema.js';
import type { AppBuild } from '../app/app-build.js';
import { type AppIngest, ingestApp } from './app-ingest.js';
import { benchDelivery, type DeliveryResults, type DeliverySettings } from './delivery.js';
import type { IngestSettings } from './ingest.js';

/** The server settings that decide what a commit costs, as the server reports them. */
const SETTINGS = [
  'server_version',
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'full_page_writes',
  'commit_delay',
  'shared_buffers',
  'wal_buffers',
  'max_wal_size',
  'max_connections',
] as const;

export interface PostgresResults {
  /** Where it ran, without credentials. */
  server: string;
  settings: Record<string, string>;
  oneInstance: AppIngest;
  twoInstances: AppIngest;
  delivery: DeliveryResults;
}

async function serverSettings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const name of SETTINGS) out[name] = String((await client.query(`SHOW ${name}`)).rows[0]?.[name]);
    return out;
  } finally {
    await client.end();
  }
}

/** Runs `work` on a fresh schema of the database, dropped afterwards. */
async function inSchema<T>(url: string, work: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = await createTestSchema(url);
  try {
    return await work(schema.url);
  } finally {
    await schema.drop();
  }
}

/**
 * The app on PostgreSQL: ingest with one instance, then two instances on the same database (the
 * connections shared between them), then delivery with two instances. Each on a fresh schema.
 */
export async function benchPostgres(
  build: AppBuild,
  url: string,
  ingest: IngestSettings,
  delivery: DeliverySettings,
  expectedRps: number,
  log: (line: string) => void,
): Promise<PostgresResults> {
  const settings = await serverSettings(url);
  const run = (instances: number) =>
    inSchema(url, (databaseUrl) =>
      ingestApp({ build, settings: ingest, expectedRps, databaseUrl, instances }),
    );
  const oneInstance = await run(1);
  log(`  one instance ${Math.round(oneInstance.load.rps)} req/s`);
  const twoInstances = await run(2);
  log(`  two instances ${Math.round(twoInstances.load.rps)} req/s`);
  const deliveryResults = await inSchema(url, (databaseUrl) =>
    benchDelivery(build, { ...delivery, databaseUrl, instances: 2 }),
  );
  log(`  delivery, two instances: ${deliveryResults.bulk.totalSeconds.toFixed(2)} s`);
  const u = new URL(url);
  return {
    server: `${u.hostname}:${u.port || '5432'}${u.pathname}`,
    settings,
    oneInstance,
    twoInstances,
    delivery: deliveryResults,
  };
}
