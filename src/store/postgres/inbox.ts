import { type EventRow, toStoredEvent } from '../rows.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';

type InboxMethods = Pick<Store, 'ingestEvent' | 'listDeploymentEvents' | 'countEvents'>;

// A pending job keeps its schedule, attempts and lease (a backoff is never moved earlier);
// a done or dropped job starts over, due at once.
const KEEP_IF_PENDING = (column: string, otherwise: string) =>
  `${column} = CASE WHEN jobs.state = 'pending' THEN jobs.${column} ELSE ${otherwise} END`;

/**
 * One statement, so one atomic and durable commit: store the event unless (hook, deployment,
 * event) is already there; only when it was new and is to be delivered, upsert one job per
 * active subscription of the hook, whatever its filter (the worker applies the filter: a message
 * once posted follows its deployment to the end). Concurrent repeats wait on
 * the unique index and then insert nothing, so they queue nothing. Channels are visited in a
 * fixed order so concurrent upserts of one deployment's jobs lock rows in the same order.
 */
const INGEST = `
WITH inserted AS (
  INSERT INTO events (hook_id, project_id, deployment_id, event, occurred_at, received_at, payload, disposition)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (hook_id, deployment_id, event) DO NOTHING
  RETURNING id
), enqueued AS (
  INSERT INTO jobs (team_id, channel_id, deployment_id, hook_id, project_id, state, version, attempts,
    next_attempt_at, enqueued_at, updated_at)
  SELECT s.team_id, s.channel_id, $3, s.hook_id, s.project_id, 'pending', 1, 0, $6, $6, $6
  FROM subscriptions s
  WHERE $8 = 'deliver' AND EXISTS (SELECT 1 FROM inserted)
    AND s.hook_id = $1 AND s.state = 'active'
  ORDER BY s.team_id, s.channel_id
  ON CONFLICT (team_id, channel_id, deployment_id) DO UPDATE SET
    version = jobs.version + 1,
    hook_id = EXCLUDED.hook_id,
    project_id = EXCLUDED.project_id,
    ${KEEP_IF_PENDING('next_attempt_at', 'EXCLUDED.next_attempt_at')},
    ${KEEP_IF_PENDING('enqueued_at', 'EXCLUDED.enqueued_at')},
    ${KEEP_IF_PENDING('attempts', '0')},
    ${KEEP_IF_PENDING('last_error', 'NULL')},
    ${KEEP_IF_PENDING('lease_owner', 'NULL')},
    ${KEEP_IF_PENDING('lease_until', 'NULL')},
    state = 'pending',
    updated_at = EXCLUDED.updated_at
  RETURNING 1
)
SELECT (SELECT COUNT(*) FROM inserted)::int AS inserted, (SELECT COUNT(*) FROM enqueued)::int AS enqueued`;

export function createPgInbox({ pool }: PgStoreDeps): InboxMethods {
  return {
    async ingestEvent(input) {
      const { rows } = await pool.query<{ inserted: number; enqueued: number }>(INGEST, [
        input.hookId,
        input.projectId,
        input.deploymentId,
        input.event,
        input.occurredAt,
        input.receivedAt,
        input.payload,
        input.disposition,
      ]);
      const row = rows[0]!;
      return { duplicate: row.inserted === 0, enqueued: row.enqueued };
    },
    async listDeploymentEvents(hookId, deploymentId) {
      const { rows } = await pool.query<EventRow>(
        'SELECT * FROM events WHERE hook_id = $1 AND deployment_id = $2 ORDER BY received_at, id',
        [hookId, deploymentId],
      );
      return rows.map(toStoredEvent);
    },
    async countEvents(filter) {
      const { rows } =
        filter?.hookId === undefined
          ? await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events')
          : await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events WHERE hook_id = $1', [
              filter.hookId,
            ]);
      return rows[0]?.n ?? 0;
    },
  };
}
