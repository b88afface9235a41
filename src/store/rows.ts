import type { Selectable } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import type { KnownEvent } from '../sota/event.js';
import type { Database } from './schema.js';
import { sealContext } from './seal.js';
import type { DeliveryJob, Hook, Subscription } from './types.js';

/** A row of `table` as both engines return it (snake_case columns). */
export type Row<T extends keyof Database> = Selectable<Database[T]>;

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
type Camelized<R> = { [K in keyof R as Camel<K & string>]: R[K] };
/** The columns of a row that holds `T`: its fields in snake_case. */
export type Columns<T> = { [K in keyof T as Snake<K & string>]: T[K] };

const rename = (o: object, key: (k: string) => string) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [key(k), v]));

/** The row with its columns renamed to the domain's camelCase fields. */
export const camel = <R extends object>(row: R) =>
  rename(row, (k) => k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())) as Camelized<R>;

/** The record with its fields renamed to their snake_case columns. */
export const snake = <T extends object>(record: T) =>
  rename(record, (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)) as Columns<T>;

export function toHook(row: Row<'hooks'>, box: SecretBox): Hook {
  const { secret_sealed, retired_at: _, remote_deleted, ...rest } = row;
  const secret = box.open(secret_sealed, sealContext.hook(row.id));
  return { ...camel(rest), secret, remoteDeleted: remote_deleted === 1 };
}

export function toSubscription(row: Row<'subscriptions'>): Subscription {
  return { ...camel(row), events: JSON.parse(row.events) as KnownEvent[], changes: row.changes === 1 };
}

export function toDeliveryJob(row: Row<'jobs'>): DeliveryJob {
  const { teamId, channelId, deploymentId, hookId, projectId, version, attempts, enqueuedAt } = camel(row);
  const lease = { leaseOwner: row.lease_owner ?? '', leaseUntil: row.lease_until ?? 0 };
  return { teamId, channelId, deploymentId, hookId, projectId, version, attempts, enqueuedAt, ...lease };
}

/** Orders rows by the given text keys byte-wise, the same on both engines whatever the collation. */
export function byText<T>(...keys: Array<(row: T) => string>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
