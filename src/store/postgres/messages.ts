import { type MessageRow, toMessage } from '../rows.js';
import type { Store } from '../types.js';
import type { PgStoreDeps } from './deps.js';

type MessageMethods = Pick<Store, 'getMessage' | 'saveMessage' | 'lastDeliveries'>;

/** The optional fields: `field` in the record, `column` in the row. */
const FIELDS = [
  ['ts', 'ts'],
  ['shownStatus', 'shown_status'],
  ['shownHash', 'shown_hash'],
  ['repliedStatus', 'replied_status'],
] as const;

// $4-$7 the values, $8-$11 whether each was given: a field given (even as null) replaces the
// stored value, a field left undefined keeps it.
const SAVE = `
INSERT INTO messages (team_id, channel_id, deployment_id, ts, shown_status, shown_hash, replied_status, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $12)
ON CONFLICT (team_id, channel_id, deployment_id) DO UPDATE SET
  ${FIELDS.map(([, column], i) => `${column} = CASE WHEN $${8 + i}::boolean THEN EXCLUDED.${column} ELSE messages.${column} END`).join(',\n  ')},
  updated_at = EXCLUDED.updated_at`;

const LAST = `SELECT channel_id AS "channelId", MAX(updated_at) AS "updatedAt" FROM messages
  WHERE team_id = $1 GROUP BY channel_id ORDER BY "updatedAt" DESC, channel_id COLLATE "C"`;

export function createPgMessageMethods({ pool }: PgStoreDeps): MessageMethods {
  return {
    async getMessage(teamId, channelId, deploymentId) {
      const { rows } = await pool.query<MessageRow>(
        'SELECT * FROM messages WHERE team_id = $1 AND channel_id = $2 AND deployment_id = $3',
        [teamId, channelId, deploymentId],
      );
      return rows[0] && toMessage(rows[0]);
    },
    async saveMessage(rec) {
      const values = FIELDS.map(([field]) => rec[field] ?? null);
      const given = FIELDS.map(([field]) => rec[field] !== undefined);
      await pool.query(SAVE, [rec.teamId, rec.channelId, rec.deploymentId, ...values, ...given, Date.now()]);
    },
    async lastDeliveries(teamId) {
      const { rows } = await pool.query<{ channelId: string; updatedAt: number }>(LAST, [teamId]);
      return rows;
    },
  };
}
