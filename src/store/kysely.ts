import { createRequire } from 'node:module';

/**
 * Kysely's CommonJS build. Its ES module build is the same code as about 260 ES modules, which Node
 * 20 loads one by one through its module loader at every start: the CommonJS build of the same files
 * takes about half the time and 6 MB less memory. Every module of the app takes Kysely from here, so
 * one copy is loaded.
 */
const require = createRequire(import.meta.url);
const kysely = require('kysely') as typeof import('kysely');

export const { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql } = kysely;
export type Kysely<DB> = import('kysely').Kysely<DB>;
