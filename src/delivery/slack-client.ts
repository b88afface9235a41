import { LogLevel, type Logger as SlackLogger, WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';

export interface SlackClientFactoryOptions {
  /** Base URL of the Slack Web API, ending in `/api/` (tests point it at a local stand-in). */
  slackApiUrl: string;
  /** Per-request timeout; a hung call fails after this and the queue retries it. */
  timeoutMs?: number;
  logger?: Logger;
}

/** The client's own logger, kept quiet: its warnings and errors go to our log at debug level. */
function createQuietLogger(logger: Logger | undefined): SlackLogger {
  let level = LogLevel.WARN;
  const forward = (...msg: unknown[]) =>
    logger?.debug({ component: 'slack-web-api' }, msg.map(String).join(' '));
  return {
    debug: () => {},
    info: () => {},
    warn: forward,
    error: forward,
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * Makes (and caches) one WebClient per token. The client never retries and never waits out a rate limit
 * by itself: the durable delivery queue is the one retry layer.
 */
export function createSlackClientFactory(options: SlackClientFactoryOptions): (token: string) => WebClient {
  const clients = new Map<string, WebClient>();
  const quiet = createQuietLogger(options.logger);
  return (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        slackApiUrl: options.slackApiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: options.timeoutMs ?? 10_000,
        logger: quiet,
        allowAbsoluteUrls: false,
      });
      clients.set(token, client);
    }
    return client;
  };
}
