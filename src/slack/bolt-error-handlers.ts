import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions } from '@slack/bolt';
import { requestIdOf } from '../http/request-id.js';
import type { Logger } from '../log/logger.js';
import { ErrorCode } from './bolt.js';

type RequestErrorHandler = (err: unknown, req: IncomingMessage, res: ServerResponse) => void;

/**
 * Bolt's error and timeout hooks, routed to the app's policy: a listener that throws is logged with
 * the request id and answered (500 at worst, 401 when no installation authorizes the workspace),
 * and a request no listener acknowledged in time is answered 404.
 */
export function boltErrorHandlers(
  logger: Logger,
  onRequestError: RequestErrorHandler,
): Pick<HTTPReceiverOptions, 'processEventErrorHandler' | 'unhandledRequestHandler'> {
  return {
    processEventErrorHandler: async ({ error, request, response }) => {
      if ((error as { code?: unknown }).code === ErrorCode.AuthorizationError && !response.headersSent) {
        logger.warn({ requestId: requestIdOf(request) }, 'no installation for this workspace');
        response.writeHead(401).end();
        return true;
      }
      onRequestError(error, request, response);
      return false;
    },
    unhandledRequestHandler: ({ request, response }) => {
      logger.warn({ requestId: requestIdOf(request) }, 'Slack request not acknowledged in time');
      if (!response.headersSent) response.writeHead(404).end();
    },
  };
}
