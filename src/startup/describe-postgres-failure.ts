import { failureKind } from '../net/failure-kind.js';
import { errorCode, errorMessage, type StartupStage } from './startup-error.js';

interface Target {
  host: string;
  port: string;
  database: string;
  user: string;
}

/** Host, port, database and user of a PostgreSQL URL; never its password. */
function targetOf(url: string): Target {
  const u = URL.canParse(url) ? new URL(url) : undefined;
  return {
    host: u?.hostname || 'localhost',
    port: u?.port || '5432',
    database: decodeURIComponent(u?.pathname.slice(1) ?? '') || decodeURIComponent(u?.username ?? ''),
    user: decodeURIComponent(u?.username ?? '') || '(default user)',
  };
}

/** One line for a PostgreSQL store that did not open or migrate, naming DATABASE_URL and what to fix. */
export function describePostgresFailure(stage: StartupStage, cause: unknown, url: string): string {
  const t = targetOf(url);
  const at = `PostgreSQL at ${t.host}:${t.port}`;
  const code = errorCode(cause) ?? '';
  if (code === '3D000') {
    return `DATABASE_URL: ${at} has no database "${t.database}": create it (createdb ${t.database}) or fix the database name in DATABASE_URL`;
  }
  if (code === '28P01' || code === '28000') {
    return `DATABASE_URL: ${at} refused user "${t.user}" (${errorMessage(cause)}): fix the user name or password in DATABASE_URL`;
  }
  if (code === '42501') {
    return `DATABASE_URL: user "${t.user}" may not create the app's tables in "${t.database}": grant it CREATE there, or use the database owner`;
  }
  const kind = failureKind(cause);
  if (kind === 'refused') {
    return `DATABASE_URL: ${at} refused the connection: start PostgreSQL there, or fix the host and port in DATABASE_URL`;
  }
  if (kind === 'DNS')
    return `DATABASE_URL: the host ${t.host} was not found (DNS): fix the host name in DATABASE_URL`;
  if (kind === 'timeout') {
    return `DATABASE_URL: ${at} did not answer in time: check the host, the port and any firewall between them`;
  }
  if (kind === 'TLS') {
    return `DATABASE_URL: the TLS connection to ${at} failed (${errorMessage(cause)}): check sslmode in DATABASE_URL and the server's certificate`;
  }
  if (kind === 'reset')
    return `DATABASE_URL: ${at} closed the connection: is it PostgreSQL, and does it accept this client?`;
  if (stage === 'migrate') {
    return `DATABASE_URL: the schema of "${t.database}" at ${t.host}:${t.port} could not be brought up to date (${errorMessage(cause)}): is it the database of a newer sota-slack? Restore a backup, or use an empty database`;
  }
  return `DATABASE_URL: ${at} failed (${errorMessage(cause)})`;
}
