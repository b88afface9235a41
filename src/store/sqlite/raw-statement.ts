import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { prepared } from '../queries/prepared.js';

/**
 * A statement of the shared query layer, compiled once and prepared once on the raw connection, to
 * run synchronously inside one hold of the connection (a group commit, a claim): no query build and
 * no await per statement. The SQL text is exactly what the layer would run.
 */
export function rawStatement<K extends string>(
  raw: BetterSqlite3.Database,
  keys: readonly K[],
  build: (values: Record<K, never>) => Compilable<unknown>,
) {
  const compile = prepared(keys, build);
  let statement: BetterSqlite3.Statement | undefined;
  const bind = (values: Record<K, unknown>) => {
    const query = compile(values);
    if (!statement) {
      // The stand-ins carry a NUL: one in the SQL text means an input was written into it.
      if (query.sql.includes('\u0000'))
        throw new Error('a prepared statement writes an input into its SQL text');
      statement = raw.prepare(query.sql);
    }
    return { statement, parameters: query.parameters as unknown[] };
  };
  return {
    all: <R>(values: Record<K, unknown>) => {
      const { statement, parameters } = bind(values);
      return statement.all(parameters) as R[];
    },
    /** Runs a statement that returns no rows; the number of rows it changed. */
    run: (values: Record<K, unknown>) => {
      const { statement, parameters } = bind(values);
      return statement.run(parameters).changes;
    },
  };
}
