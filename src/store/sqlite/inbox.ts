import { type EventRow, toStoredEvent as fromRow } from '../rows.js';
import type { IngestEvent, IngestResult, Store } from '../types.js';
import { type BatchOutcome, createGroupCommit } from './group-commit.js';
import { createStatements, type Db } from './statements.js';

// Every active subscription of the hook gets the job, whatever its filter: a message once posted
// follows its deployment to the end, and the worker applies the filter to what it posts.
// A pending job keeps its schedule, attempts and lease (a backoff is never moved earlier);
// a done or dropped job starts over, due at once.
const KEEP_IF_PENDING = (column: string, otherwise: string) =>
  `${column} = CASE WHEN jobs.state = 'pending' THEN jobs.${column} ELSE ${otherwise} END`;

const ENQUEUE = `
INSERT INTO jobs (team_id, channel_id, deployment_id, hook_id, project_id, state, version, attempts,
  next_attempt_at, enqueued_at, updated_at)
SELECT s.team_id, s.channel_id, @deploymentId, s.hook_id, s.project_id, 'pending', 1, 0,
  @receivedAt, @receivedAt, @receivedAt
FROM subscriptions s
WHERE s.hook_id = @hookId AND s.state = 'active'
ON CONFLICT (team_id, channel_id, deployment_id) DO UPDATE SET
  version = jobs.version + 1,
  hook_id = excluded.hook_id,
  project_id = excluded.project_id,
  ${KEEP_IF_PENDING('next_attempt_at', 'excluded.next_attempt_at')},
  ${KEEP_IF_PENDING('enqueued_at', 'excluded.enqueued_at')},
  ${KEEP_IF_PENDING('attempts', '0')},
  ${KEEP_IF_PENDING('last_error', 'NULL')},
  ${KEEP_IF_PENDING('lease_owner', 'NULL')},
  ${KEEP_IF_PENDING('lease_until', 'NULL')},
  state = 'pending',
  updated_at = excluded.updated_at`;

type InboxMethods = Pick<Store, 'ingestEvent' | 'listDeploymentEvents' | 'countEvents'>;

export function createInbox(db: Db): InboxMethods & { close(): void } {
  const q = createStatements(db, {
    insert: `INSERT INTO events (hook_id, project_id, deployment_id, event, occurred_at, received_at,
               payload, disposition)
             VALUES (@hookId, @projectId, @deploymentId, @event, @occurredAt, @receivedAt,
               @payload, @disposition)
             ON CONFLICT (hook_id, deployment_id, event) DO NOTHING`,
    enqueue: ENQUEUE,
    listDeployment: `SELECT * FROM events WHERE hook_id = ? AND deployment_id = ?
                     ORDER BY received_at, id`,
    countAll: 'SELECT COUNT(*) AS n FROM events',
    countHook: 'SELECT COUNT(*) AS n FROM events WHERE hook_id = ?',
  });

  // A savepoint per input: an input that breaks a constraint undoes only its own rows.
  const ingestOne = db.transaction((input: IngestEvent): IngestResult => {
    if (q.insert.run(input).changes === 0) return { duplicate: true, enqueued: 0 };
    if (input.disposition !== 'deliver') return { duplicate: false, enqueued: 0 };
    return { duplicate: false, enqueued: q.enqueue.run(input).changes };
  });

  const ingestBatch = db.transaction((inputs: IngestEvent[]) =>
    inputs.map((input): BatchOutcome<IngestResult> => {
      try {
        return { ok: true, value: ingestOne(input) };
      } catch (error) {
        // SQLite rolled the whole transaction back (I/O error, disk full...): fail the batch.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  const group = createGroupCommit<IngestEvent, IngestResult>((inputs) => ingestBatch.immediate(inputs));

  return {
    ingestEvent: (input) => group.submit(input),
    async listDeploymentEvents(hookId, deploymentId) {
      return (q.listDeployment.all(hookId, deploymentId) as EventRow[]).map(fromRow);
    },
    async countEvents(filter) {
      const row = filter?.hookId === undefined ? q.countAll.get() : q.countHook.get(filter.hookId);
      return (row as { n: number }).n;
    },
    close: () => group.close(),
  };
}
