/** Raw access to the sealed columns of a stopped app's SQLite file, to tamper with them or inspect them. */
import Database from 'better-sqlite3';

export const SEALED_COLUMNS = [
  { table: 'hooks', column: 'secret_sealed', key: 'id' },
  { table: 'installations', column: 'installation_sealed', key: 'team_id' },
  { table: 'installations', column: 'bot_token_sealed', key: 'team_id' },
  { table: 'api_keys', column: 'api_key_sealed', key: 'team_id' },
] as const;

export type SealedColumn = (typeof SEALED_COLUMNS)[number];

export interface SealedValue {
  table: string;
  column: string;
  id: string;
  sealed: string;
}

export function readSealedValues(dbPath: string): SealedValue[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return SEALED_COLUMNS.flatMap(({ table, column, key }) =>
      (db.prepare(`SELECT ${key} AS id, ${column} AS sealed FROM ${table}`).all() as SealedValue[]).map(
        (row) => ({ table, column, id: row.id, sealed: row.sealed }),
      ),
    );
  } finally {
    db.close();
  }
}

export function writeSealedValue(dbPath: string, col: SealedColumn, id: string, sealed: string): void {
  const db = new Database(dbPath);
  try {
    db.prepare(`UPDATE ${col.table} SET ${col.column} = ? WHERE ${col.key} = ?`).run(sealed, id);
  } finally {
    db.close();
  }
}

/** The same value with one character of its ciphertext changed. */
export function tamper(sealed: string): string {
  const parts = sealed.split('.');
  const body = parts[4] ?? '';
  parts[4] = (body.startsWith('A') ? 'B' : 'A') + body.slice(1);
  return parts.join('.');
}

/** The key id a sealed value names (`v1.<keyId>.…`). */
export function keyIdOfSealed(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
