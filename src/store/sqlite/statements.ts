import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * Named statements prepared once, on first use (so they can be declared before the schema
 * exists) and reused for every call after that.
 */
export function createStatements<K extends string>(db: Db, sql: Record<K, string>): Record<K, Statement> {
  const prepared = {} as Record<K, Statement>;
  for (const name of Object.keys(sql) as K[]) {
    let statement: Statement | undefined;
    Object.defineProperty(prepared, name, {
      enumerable: true,
      get: () => {
        statement ??= db.prepare(sql[name]);
        return statement;
      },
    });
  }
  return prepared;
}
