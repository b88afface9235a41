import { sql } from '../kysely.js';

/**
 * `column = value AND …` for each field given (a camelCase field names its snake_case column);
 * a field left undefined matches every row. Serves any table that has the columns.
 */
export function matches(fields: Record<string, string | number | undefined>) {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(
      ([field, value]) => sql`${sql.ref(field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))} = ${value}`,
    );
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`${sql.join(parts, sql` AND `)}`;
}
