import type { SecretBox } from '../../src/crypto/secret-box.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/types.js';
import type { StoreHarness } from '../store/contract.js';
import { createTestSchema, type TestSchema } from './pg-schema.js';

export interface PgHarness extends StoreHarness {
  schema: TestSchema;
  /** Another store (its own pool, as another instance would have) on the same schema, migrated. */
  open(secretBox: SecretBox): Promise<Store>;
}

/** A migrated PostgreSQL store in a fresh schema; cleanup closes every store opened and drops it. */
export async function makePgHarness(baseUrl: string, secretBox: SecretBox): Promise<PgHarness> {
  const schema = await createTestSchema(baseUrl);
  const opened: Store[] = [];
  const open = async (box: SecretBox) => {
    const store = createPostgresStore({ url: schema.url, secretBox: box });
    opened.push(store);
    await store.migrate();
    return store;
  };
  const store = await open(secretBox);
  return {
    store,
    schema,
    open,
    reopen: open,
    async cleanup() {
      for (const s of opened) await s.close();
      await schema.drop();
    },
  };
}
