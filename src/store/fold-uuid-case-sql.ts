/**
 * Ids from webhooks are read in lower case; this migration (the same on both engines, which differ
 * only in the name of a row's physical id) folds the rows stored before, so an id spelled in two
 * cases becomes one deployment. Where both spellings were stored: the first event of each name
 * stays, the message already posted stays (the lower-case one when both were posted), and the
 * surviving delivery job runs again so that message catches up with every event of the deployment.
 * A project id is folded only where no other row holds the same id in another case.
 */
export function foldUuidCaseSql(rowId: 'rowid' | 'ctid'): string {
  return `
DELETE FROM events WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (
      PARTITION BY hook_id, lower(deployment_id), event ORDER BY id) AS rank
    FROM events) AS ranked
  WHERE rank > 1);
UPDATE events SET deployment_id = lower(deployment_id), project_id = lower(project_id)
  WHERE deployment_id <> lower(deployment_id) OR project_id <> lower(project_id);

DELETE FROM messages WHERE ${rowId} IN (
  SELECT ${rowId} FROM (
    SELECT ${rowId}, row_number() OVER (
      PARTITION BY team_id, channel_id, lower(deployment_id)
      ORDER BY ts IS NULL, deployment_id <> lower(deployment_id), ${rowId}) AS rank
    FROM messages) AS ranked
  WHERE rank > 1);
UPDATE messages SET deployment_id = lower(deployment_id) WHERE deployment_id <> lower(deployment_id);

UPDATE jobs SET state = 'pending', version = version + 1, attempts = 0, next_attempt_at = 0,
    lease_owner = NULL, lease_until = NULL, last_error = NULL
  WHERE state <> 'dropped' AND EXISTS (
    SELECT 1 FROM jobs other
    WHERE other.team_id = jobs.team_id AND other.channel_id = jobs.channel_id
      AND lower(other.deployment_id) = lower(jobs.deployment_id) AND other.deployment_id <> jobs.deployment_id);
DELETE FROM jobs WHERE ${rowId} IN (
  SELECT ${rowId} FROM (
    SELECT ${rowId}, row_number() OVER (
      PARTITION BY team_id, channel_id, lower(deployment_id)
      ORDER BY state = 'dropped', deployment_id <> lower(deployment_id), ${rowId}) AS rank
    FROM jobs) AS ranked
  WHERE rank > 1);
UPDATE jobs SET deployment_id = lower(deployment_id), project_id = lower(project_id)
  WHERE deployment_id <> lower(deployment_id) OR project_id <> lower(project_id);

UPDATE hooks SET project_id = lower(project_id)
  WHERE project_id <> lower(project_id) AND NOT EXISTS (
    SELECT 1 FROM hooks other
    WHERE other.team_id = hooks.team_id AND other.id <> hooks.id
      AND lower(other.project_id) = lower(hooks.project_id));
UPDATE subscriptions SET project_id = lower(project_id)
  WHERE project_id <> lower(project_id) AND NOT EXISTS (
    SELECT 1 FROM subscriptions other
    WHERE other.team_id = subscriptions.team_id AND other.channel_id = subscriptions.channel_id
      AND other.project_id <> subscriptions.project_id
      AND lower(other.project_id) = lower(subscriptions.project_id));
`;
}
