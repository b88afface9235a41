import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { insertEventQuery, upsertJobsQuery } from '../queries/inbox.js';
import type { Db } from '../schema.js';
import type { IngestEvent, IngestResult } from '../types.js';

type Field = keyof IngestEvent;
type Slot = { field: Field } | { value: unknown };

const FIELDS: readonly Field[] = [
  'hookId',
  'projectId',
  'deploymentId',
  'event',
  'occurredAt',
  'receivedAt',
  'payload',
  'disposition',
];
const MARK = '\u0000';

/** An input whose every field is its own name behind a mark, to see where each one is bound. */
const MARKED = Object.fromEntries(FIELDS.map((f) => [f, `${MARK}${f}`])) as unknown as IngestEvent;

function slotOf(parameter: unknown): Slot {
  if (typeof parameter !== 'string' || !parameter.includes(MARK)) return { value: parameter };
  const field = parameter.slice(MARK.length) as Field;
  if (!parameter.startsWith(MARK) || !FIELDS.includes(field)) {
    throw new Error(`an ingest statement binds a changed input: ${JSON.stringify(parameter)}`);
  }
  return { field };
}

/**
 * One statement of the shared query layer, compiled once with marked inputs and prepared once: the
 * same SQL text the layer runs for every webhook, with each input bound where the layer binds it.
 */
function template(raw: BetterSqlite3.Database, build: (input: IngestEvent) => Compilable) {
  const { sql, parameters } = build(MARKED).compile();
  if (sql.includes(MARK)) throw new Error('an ingest statement writes an input into its SQL text');
  const slots = parameters.map(slotOf);
  const statement = raw.prepare(sql);
  return {
    statement,
    bind: (input: IngestEvent) => slots.map((s) => ('field' in s ? input[s.field] : s.value)),
  };
}

/**
 * The ingest of a whole group commit run synchronously on the connection: one transaction, the two
 * statements of `ingest` (queries/inbox.ts) per input, without a query build or an await per
 * statement. Throws, with everything rolled back, when any statement fails.
 */
export function createIngestBatch(raw: BetterSqlite3.Database, db: Db) {
  let prepared: { insert: ReturnType<typeof template>; upsert: ReturnType<typeof template> } | undefined;
  const one = (input: IngestEvent): IngestResult => {
    prepared ??= {
      insert: template(raw, (i) => insertEventQuery(db, i)),
      upsert: template(raw, (i) => upsertJobsQuery(db, i)),
    };
    const { insert, upsert } = prepared;
    if (insert.statement.get(insert.bind(input)) === undefined) return { duplicate: true, enqueued: 0 };
    if (input.disposition !== 'deliver') return { duplicate: false, enqueued: 0 };
    return { duplicate: false, enqueued: upsert.statement.run(upsert.bind(input)).changes };
  };
  const batch = raw.transaction((inputs: IngestEvent[]) => inputs.map(one));
  return (inputs: IngestEvent[]): IngestResult[] => batch.immediate(inputs);
}
