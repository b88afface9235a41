/**
 * Fresh PostgreSQL schemas for tests: each test gets its own schema in the TEST_DATABASE_URL
 * database (selected through the connection string's search_path) and drops it afterwards,
 * so test files run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { skipUnless } from '../helpers/skip-reason.js';

/** The database the PostgreSQL tests use; undefined means they are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** Options for a suite that needs PostgreSQL: skipped, with the reason, when TEST_DATABASE_URL is unset. */
export const needsPostgres = skipUnless(
  TEST_DATABASE_URL !== undefined,
  'needs PostgreSQL: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it',
);

export interface TestSchema {
  /** The schema's name (t_<random hex>). */
  name: string;
  /** A connection string whose sessions use this schema. */
  url: string;
  /** Runs one query as the admin connection (for assertions on raw rows). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export function withSearchPath(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function withClient<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `t_${randomBytes(8).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  const url = withSearchPath(baseUrl, name);
  return {
    name,
    url,
    query: (sql, params) => withClient(url, async (client) => (await client.query(sql, params)).rows),
    drop: () =>
      withClient(baseUrl, async (client) => void (await client.query(`DROP SCHEMA ${name} CASCADE`))),
  };
}
