import type { Queryable } from '../pool.js';

/** Rows per INSERT statement (far below PostgreSQL's 65535 bind parameters). */
export const BATCH_ROWS = 500;

/** Inserts rows (values in `columns` order) with one multi-row INSERT per call. */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const width = columns.length;
  const tuples = rows.map((_, r) => `(${columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`;
  await db.query(sql, rows.flat());
}
