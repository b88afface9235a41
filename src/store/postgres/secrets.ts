import type { SecretBox } from '../../crypto/secret-box.js';
import { sealContext } from '../seal.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';
import { type Queryable, withTransaction } from './pool.js';

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

async function readSealed(db: Queryable, col: SealedColumn, lock = false) {
  const sql = `SELECT ${col.key} AS id, ${col.column} AS sealed FROM ${col.table}${lock ? ' FOR UPDATE' : ''}`;
  return (await db.query<{ id: string; sealed: string }>(sql)).rows;
}

async function rotateColumn(db: Queryable, box: SecretBox, col: SealedColumn): Promise<number> {
  let count = 0;
  for (const { id, sealed } of await readSealed(db, col, true)) {
    if (!box.needsRotation(sealed)) continue;
    const context = col.context(id);
    const resealed = box.seal(box.open(sealed, context), context);
    await db.query(`UPDATE ${col.table} SET ${col.column} = $1 WHERE ${col.key} = $2`, [resealed, id]);
    count += 1;
  }
  return count;
}

export function createPgSecretMethods({
  pool,
  box,
}: PgStoreDeps): Pick<Store, 'rotateSecrets' | 'verifySecrets'> {
  return {
    rotateSecrets: () =>
      withTransaction(pool, async (client) => {
        let count = 0;
        for (const col of SEALED_COLUMNS) count += await rotateColumn(client, box, col);
        return count;
      }),
    async verifySecrets() {
      for (const col of SEALED_COLUMNS) {
        for (const { id, sealed } of await readSealed(pool, col)) box.open(sealed, col.context(id));
      }
    },
  };
}
