import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../http/json-response.js';
import { requestIdOf } from '../http/request-id.js';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { describeFatal, isFatalError } from './fatal-error.js';

export interface ErrorPolicyDeps {
  logger: Logger;
  metrics: Metrics;
  /** Ends the process after a fatal failure; default: the line on stderr, then exit code 1. */
  exit?: (line: string) => void;
}

export interface ErrorPolicy {
  /** One request failed: logged with its request id, answered 500 unless an answer had started. */
  requestFailed(err: unknown, req: IncomingMessage, res: ServerResponse): void;
  /** Checks a failure seen anywhere; a fatal one ends the process with one clear line. */
  check(err: unknown, where: string): void;
  /** Listens for unhandled rejections and uncaught exceptions on `target`; returns the way back. */
  install(target?: NodeJS.EventEmitter): () => void;
  /** After this, closing the store on purpose is no longer a fatal failure. */
  stopping(): void;
}

function exitProcess(line: string): void {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The process-wide error policy: no single request or stray promise ends the process; a dead store does. */
export function createErrorPolicy(deps: ErrorPolicyDeps): ErrorPolicy {
  const exit = deps.exit ?? exitProcess;
  let ended = false;
  const check = (err: unknown, where: string) => {
    if (ended || !isFatalError(err)) return;
    ended = true;
    const reason = describeFatal(err);
    deps.logger.fatal({ where, reason }, 'cannot serve any more; stopping');
    exit(`sota-slack stopping: ${reason} (in ${where}); the process cannot serve and must be restarted`);
  };
  const unexpected = (kind: 'unhandled_rejection' | 'uncaught_exception') => (err: unknown) => {
    deps.metrics.processErrors.inc({ kind });
    deps.logger.error({ err, kind }, 'unexpected error outside any request; still serving');
    check(err, kind);
  };
  return {
    requestFailed(err, req, res) {
      deps.metrics.processErrors.inc({ kind: 'request' });
      const requestId = requestIdOf(req);
      deps.logger.error({ err, requestId, method: req.method }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'internal error');
      else if (!res.writableEnded) res.end();
      check(err, 'a request');
    },
    check,
    install(target = process) {
      const onRejection = unexpected('unhandled_rejection');
      const onException = unexpected('uncaught_exception');
      target.on('unhandledRejection', onRejection);
      target.on('uncaughtException', onException);
      return () => {
        target.off('unhandledRejection', onRejection);
        target.off('uncaughtException', onException);
      };
    },
    stopping() {
      ended = true;
    },
  };
}
