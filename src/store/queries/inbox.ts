import type { Expression } from 'kysely';
import { sql } from '../kysely.js';
import { camel, snake } from '../rows.js';
import type { Db } from '../schema.js';
import type { InboxStore, IngestEvent, IngestResult } from '../types.js';
import { matches } from './matches.js';
import { prepared } from './prepared.js';

// A pending job keeps its schedule, attempts and lease (a backoff is never moved earlier);
// a done or dropped job starts over, due at once.
const keepIfPending = (column: string, otherwise: Expression<unknown>) =>
  sql<never>`CASE WHEN jobs.state = 'pending' THEN ${sql.ref(`jobs.${column}`)} ELSE ${otherwise} END`;

const NULL = sql`NULL`;

/** The first ingest statement: the event, unless (hook, deployment, event) is already stored. */
export function insertEventQuery(db: Db, input: IngestEvent) {
  return db
    .insertInto('events')
    .values({
      ...snake({ hookId: input.hookId, projectId: input.projectId, deploymentId: input.deploymentId }),
      ...snake({ event: input.event, occurredAt: input.occurredAt, receivedAt: input.receivedAt }),
      ...snake({ payload: input.payload, disposition: input.disposition }),
    })
    .onConflict((oc) => oc.columns(['hook_id', 'deployment_id', 'event']).doNothing())
    .returning('id');
}

/** The second ingest statement: one job per active subscription of the hook, in channel order. */
export function upsertJobsQuery(db: Db, input: IngestEvent) {
  const at = sql<number>`CAST(${input.receivedAt} AS BIGINT)`;
  return db
    .insertInto('jobs')
    .columns([
      'team_id',
      'channel_id',
      'deployment_id',
      'hook_id',
      'project_id',
      'state',
      'version',
      'attempts',
      'next_attempt_at',
      'enqueued_at',
      'updated_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('subscriptions as s')
        .select([
          's.team_id',
          's.channel_id',
          sql<string>`CAST(${input.deploymentId} AS TEXT)`.as('deployment_id'),
          's.hook_id',
          's.project_id',
          sql<'pending'>`'pending'`.as('state'),
          sql<number>`1`.as('version'),
          sql<number>`0`.as('attempts'),
          at.as('next_attempt_at'),
          at.as('enqueued_at'),
          at.as('updated_at'),
        ])
        .where('s.hook_id', '=', input.hookId)
        .where('s.state', '=', 'active')
        .orderBy('s.team_id')
        .orderBy('s.channel_id'),
    )
    .onConflict((oc) =>
      oc.columns(['team_id', 'channel_id', 'deployment_id']).doUpdateSet((eb) => ({
        version: eb('jobs.version', '+', 1),
        hook_id: eb.ref('excluded.hook_id'),
        project_id: eb.ref('excluded.project_id'),
        next_attempt_at: keepIfPending('next_attempt_at', eb.ref('excluded.next_attempt_at')),
        enqueued_at: keepIfPending('enqueued_at', eb.ref('excluded.enqueued_at')),
        attempts: keepIfPending('attempts', sql`0`),
        last_error: keepIfPending('last_error', NULL),
        lease_owner: keepIfPending('lease_owner', NULL),
        lease_until: keepIfPending('lease_until', NULL),
        state: 'pending',
        updated_at: eb.ref('excluded.updated_at'),
      })),
    );
}

/**
 * Stores the event; only when it was new and is to be delivered, upserts one job per active
 * subscription of the hook whatever its filter (a message once posted follows its deployment to the
 * end). The caller runs both in one transaction (SQLite's group commit runs them prepared, see
 * sqlite/ingest-batch.ts); channels are visited in one order, so concurrent upserts lock in one order.
 */
export async function ingest(db: Db, input: IngestEvent): Promise<IngestResult> {
  const inserted = await insertEventQuery(db, input).executeTakeFirst();
  if (!inserted) return { duplicate: true, enqueued: 0 };
  if (input.disposition !== 'deliver') return { duplicate: false, enqueued: 0 };
  const result = await upsertJobsQuery(db, input).executeTakeFirst();
  return { duplicate: false, enqueued: Number(result.numInsertedOrUpdatedRows ?? 0) };
}

export function createInboxQueries(
  db: Db,
): Pick<InboxStore, 'listDeploymentEvents' | 'countEvents' | 'listRecentFailures'> {
  const list = prepared(['hookId', 'deploymentId'], (v) =>
    db.selectFrom('events').selectAll().where(matches(v)).orderBy('received_at').orderBy('id'),
  );
  return {
    async listDeploymentEvents(hookId, deploymentId) {
      const { rows } = await db.executeQuery(list({ hookId, deploymentId }));
      return rows.map(({ id: _, ...row }) => camel(row));
    },
    async countEvents(filter) {
      const count = db.selectFrom('events').select((eb) => eb.fn.countAll().as('n'));
      return Number((await count.where(matches({ hookId: filter?.hookId })).executeTakeFirstOrThrow()).n);
    },
    async listRecentFailures(since, unlessRecorded, limit) {
      let query = db
        .selectFrom('events as e')
        .innerJoin('hooks as h', 'h.id', 'e.hook_id')
        .select(['h.team_id', 'e.hook_id', 'e.project_id', 'e.deployment_id'])
        // A literal, so both engines may read the partial index events_failed_received.
        .where(sql<boolean>`e.event = 'deploy.failed'`)
        .where('e.disposition', '=', 'deliver')
        .where('e.received_at', '>=', since)
        .where('h.status', '=', 'active');
      if (unlessRecorded.length > 0) {
        query = query.where(({ exists, not, selectFrom }) =>
          not(
            exists(
              selectFrom('events as r')
                .select('r.id')
                .whereRef('r.hook_id', '=', 'e.hook_id')
                .whereRef('r.deployment_id', '=', 'e.deployment_id')
                .where('r.event', 'in', [...unlessRecorded]),
            ),
          ),
        );
      }
      const rows = await query.orderBy('e.received_at').orderBy('e.id').limit(limit).execute();
      return rows.map((row) => camel(row));
    },
  };
}
