import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver } from '../kysely.js';
import type { Database } from '../schema.js';

/** Every transaction takes the write lock at BEGIN: SQLite has one writer, and a later upgrade could fail. */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}

class ImmediateDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateDriver(this.#config);
  }
}

/** Statements prepared once per SQL text and reused, as the hand-written store did. */
function preparedOnce(db: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= 500) cache.clear();
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** The query layer over one SQLite connection: Kysely queues its callers, one at a time. */
export function createSqliteKysely(db: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new ImmediateDialect({ database: preparedOnce(db) }) });
}
