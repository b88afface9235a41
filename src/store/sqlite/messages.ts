import { toMessage as fromRow, type MessageRow } from '../rows.js';
import type { Store } from '../types.js';
import { createStatements, type Db } from './statements.js';

/** The optional fields: `field` in the record, `column` in the row. */
const FIELDS = [
  ['ts', 'ts'],
  ['shownStatus', 'shown_status'],
  ['shownHash', 'shown_hash'],
  ['repliedStatus', 'replied_status'],
] as const;

// A field given (even as null) replaces the stored value; a field left undefined keeps it.
const SAVE = `
INSERT INTO messages (team_id, channel_id, deployment_id, ts, shown_status, shown_hash, replied_status, updated_at)
VALUES (@teamId, @channelId, @deploymentId, @ts, @shownStatus, @shownHash, @repliedStatus, @now)
ON CONFLICT (team_id, channel_id, deployment_id) DO UPDATE SET
  ${FIELDS.map(([field, column]) => `${column} = CASE WHEN @has_${field} THEN excluded.${column} ELSE messages.${column} END`).join(',\n  ')},
  updated_at = excluded.updated_at`;

type MessageMethods = Pick<Store, 'getMessage' | 'saveMessage' | 'lastDeliveries'>;

export function createMessageMethods(db: Db): MessageMethods {
  const q = createStatements(db, {
    get: 'SELECT * FROM messages WHERE team_id = ? AND channel_id = ? AND deployment_id = ?',
    save: SAVE,
    last: `SELECT channel_id AS channelId, MAX(updated_at) AS updatedAt FROM messages
           WHERE team_id = ? GROUP BY channel_id ORDER BY updatedAt DESC, channelId`,
  });

  return {
    async getMessage(teamId, channelId, deploymentId) {
      const row = q.get.get(teamId, channelId, deploymentId) as MessageRow | undefined;
      return row && fromRow(row);
    },
    async saveMessage(rec) {
      const params: Record<string, string | number | null> = {
        teamId: rec.teamId,
        channelId: rec.channelId,
        deploymentId: rec.deploymentId,
        now: Date.now(),
      };
      for (const [field] of FIELDS) {
        params[field] = rec[field] ?? null;
        params[`has_${field}`] = rec[field] === undefined ? 0 : 1;
      }
      q.save.run(params);
    },
    async lastDeliveries(teamId) {
      return q.last.all(teamId) as Array<{ channelId: string; updatedAt: number }>;
    },
  };
}
