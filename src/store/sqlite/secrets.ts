import type { SecretBox } from '../../crypto/secret-box.js';
import { sealContext } from '../seal.js';
import type { Store } from '../types.js';
import type { Db } from './statements.js';

/** Every sealed column, the column naming its row, and the context the value is bound to. */
const SEALED_COLUMNS = [
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

function readSealed(db: Db, col: SealedColumn) {
  return db.prepare(`SELECT ${col.key} AS id, ${col.column} AS sealed FROM ${col.table}`).all() as Array<{
    id: string;
    sealed: string;
  }>;
}

export function createSecretMethods(db: Db, box: SecretBox): Pick<Store, 'rotateSecrets' | 'verifySecrets'> {
  const rotate = db.transaction(() => {
    let count = 0;
    for (const col of SEALED_COLUMNS) {
      const update = db.prepare(`UPDATE ${col.table} SET ${col.column} = ? WHERE ${col.key} = ?`);
      for (const { id, sealed } of readSealed(db, col)) {
        if (!box.needsRotation(sealed)) continue;
        const context = col.context(id);
        update.run(box.seal(box.open(sealed, context), context), id);
        count += 1;
      }
    }
    return count;
  });

  return {
    rotateSecrets: async () => rotate.immediate(),
    async verifySecrets() {
      for (const col of SEALED_COLUMNS) {
        for (const { id, sealed } of readSealed(db, col)) box.open(sealed, col.context(id));
      }
    },
  };
}
