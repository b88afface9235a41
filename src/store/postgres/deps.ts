import type { SecretBox } from '../../crypto/secret-box.js';
import type { PgPool } from './pool.js';

/** What every group of store methods needs: the pool and the box that seals secrets. */
export interface PgStoreDeps {
  pool: PgPool;
  box: SecretBox;
}
