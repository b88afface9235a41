import { sealContext } from '../../seal.js';

/** Opens a value sealed by the source and seals it again for the target, bound to the same row. */
export type Reseal = (sealed: string, context: string) => string;

type Row = Record<string, unknown>;
type Convert = (value: unknown, row: Row, reseal: Reseal) => unknown;

/** One table to copy: the same column names on both sides, some values converted on the way. */
export interface TableCopy {
  table: string;
  columns: readonly string[];
  convert?: Record<string, Convert>;
  /** Rows read in this order, so ids and FK parents arrive first. */
  orderBy: string;
}

const sealedBy =
  (context: (id: string) => string, key: string): Convert =>
  (value, row, reseal) =>
    reseal(String(value), context(String(row[key])));

/** Parents before children (foreign keys); jobs arrive without leases: no instance holds one yet. */
export const TABLES: readonly TableCopy[] = [
  {
    table: 'hooks',
    columns: [
      'id',
      'team_id',
      'project_id',
      'project_name',
      'project_slug',
      'sota_webhook_id',
      'secret_sealed',
      'status',
      'remote_deleted',
      'created_at',
      'retired_at',
    ],
    convert: {
      secret_sealed: sealedBy(sealContext.hook, 'id'),
      remote_deleted: (v) => v === 1 || v === true,
    },
    orderBy: 'created_at, id',
  },
  {
    table: 'subscriptions',
    columns: [
      'team_id',
      'channel_id',
      'project_id',
      'hook_id',
      'events',
      'state',
      'paused_reason',
      'created_by',
      'created_at',
      'updated_at',
    ],
    convert: { events: (v) => JSON.parse(String(v)) as string[] },
    orderBy: 'team_id, channel_id, project_id',
  },
  {
    table: 'events',
    columns: [
      'id',
      'hook_id',
      'project_id',
      'deployment_id',
      'event',
      'occurred_at',
      'received_at',
      'payload',
      'disposition',
    ],
    orderBy: 'id',
  },
  {
    table: 'jobs',
    columns: [
      'team_id',
      'channel_id',
      'deployment_id',
      'hook_id',
      'project_id',
      'state',
      'version',
      'attempts',
      'next_attempt_at',
      'lease_owner',
      'lease_until',
      'enqueued_at',
      'last_error',
      'updated_at',
    ],
    convert: { lease_owner: () => null, lease_until: () => null },
    orderBy: 'team_id, channel_id, deployment_id',
  },
  {
    table: 'messages',
    columns: [
      'team_id',
      'channel_id',
      'deployment_id',
      'ts',
      'shown_status',
      'shown_hash',
      'replied_status',
      'updated_at',
    ],
    orderBy: 'team_id, channel_id, deployment_id',
  },
  { table: 'workspace_holds', columns: ['team_id', 'until'], orderBy: 'team_id' },
  {
    table: 'installations',
    columns: [
      'team_id',
      'enterprise_id',
      'installation_sealed',
      'bot_token_sealed',
      'bot_user_id',
      'installed_at',
    ],
    convert: {
      installation_sealed: sealedBy(sealContext.installation, 'team_id'),
      bot_token_sealed: sealedBy(sealContext.botToken, 'team_id'),
    },
    orderBy: 'team_id',
  },
  {
    table: 'api_keys',
    columns: ['team_id', 'api_key_sealed', 'label', 'created_by', 'created_at'],
    convert: { api_key_sealed: sealedBy(sealContext.apiKey, 'team_id') },
    orderBy: 'team_id',
  },
  { table: 'oauth_states', columns: ['state', 'payload', 'expires_at'], orderBy: 'state' },
];

/** A source row as the target's values, in `columns` order. */
export function convertRow(spec: TableCopy, row: Row, reseal: Reseal): unknown[] {
  return spec.columns.map((column) => {
    const convert = spec.convert?.[column];
    const value = row[column] ?? null;
    return convert && value !== null ? convert(value, row, reseal) : value;
  });
}
