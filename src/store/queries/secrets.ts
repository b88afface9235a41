import type { SecretBox } from '../../crypto/secret-box.js';
import { sql } from '../kysely.js';
import type { Db } from '../schema.js';
import { sealContext } from '../seal.js';
import type { WorkspaceStore } from '../types.js';

/** Every sealed column, the column naming its row, and the context the value is bound to. */
export const SEALED_COLUMNS = [
  { table: 'hooks', column: 'secret_sealed', key: 'id', context: sealContext.hook },
  {
    table: 'installations',
    column: 'installation_sealed',
    key: 'team_id',
    context: sealContext.installation,
  },
  { table: 'installations', column: 'bot_token_sealed', key: 'team_id', context: sealContext.botToken },
  { table: 'api_keys', column: 'api_key_sealed', key: 'team_id', context: sealContext.apiKey },
] as const;

type SealedColumn = (typeof SEALED_COLUMNS)[number];
type Sealed = { id: string; sealed: string };

async function readSealed(db: Db, { table, column, key }: SealedColumn) {
  const select = sql<Sealed>`SELECT ${sql.ref(key)} AS id, ${sql.ref(column)} AS sealed FROM ${sql.table(table)}`;
  return (await select.execute(db)).rows;
}

export function createSecretQueries(
  db: Db,
  box: SecretBox,
): Pick<WorkspaceStore, 'rotateSecrets' | 'verifySecrets'> {
  return {
    // Each value is replaced only if it is still the one read, so a concurrent write is never undone.
    rotateSecrets: () =>
      db.transaction().execute(async (trx) => {
        let count = 0;
        for (const col of SEALED_COLUMNS) {
          for (const { id, sealed } of await readSealed(trx, col)) {
            if (!box.needsRotation(sealed)) continue;
            const context = col.context(id);
            const resealed = box.seal(box.open(sealed, context), context);
            const value = sql.ref(col.column);
            await sql`UPDATE ${sql.table(col.table)} SET ${value} = ${resealed}
              WHERE ${sql.ref(col.key)} = ${id} AND ${value} = ${sealed}`.execute(trx);
            count += 1;
          }
        }
        return count;
      }),
    async verifySecrets() {
      for (const col of SEALED_COLUMNS) {
        for (const { id, sealed } of await readSealed(db, col)) box.open(sealed, col.context(id));
      }
    },
  };
}
