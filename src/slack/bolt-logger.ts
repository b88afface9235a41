import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log/logger.js';
import { LogLevel } from './bolt.js';

/**
 * Lines the Slack SDKs write at debug that may echo request or answer bodies (an OAuth exchange
 * sends the client secret in its body); they are dropped, not logged.
 */
const DROPPED = /^http request (body|headers|result)/;

/**
 * Bolt's logger interface over our pino logger. Bolt is chatty at info (every request), so its info
 * and debug lines go to debug; warnings (failed verification, unacked requests) and errors stay.
 * `secrets` (signing secret, client secret, bot token) are replaced wherever they would appear.
 */
export function createBoltLogger(logger: Logger, secrets: readonly string[] = []): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const known = secrets.filter((s) => s.length >= 8);
  let level: LogLevel = LogLevel.INFO;
  const line = (args: unknown[]) => {
    let text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    for (const secret of known) text = text.split(secret).join('[redacted]');
    return text;
  };
  const debug = (...args: unknown[]) => {
    const text = line(args);
    if (!DROPPED.test(text)) child.debug(text);
  };
  return {
    debug,
    info: debug,
    warn: (...args) => child.warn(line(args)),
    error: (...args) => child.error(line(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
