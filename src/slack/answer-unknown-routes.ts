import type { RequestListener } from 'node:http';
import { ErrorCode } from './bolt.js';

const NOT_FOUND = JSON.stringify({ error: { code: 'not_found', message: 'no such route' } });

function isUnhandledRoute(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === ErrorCode.HTTPReceiverDeferredRequestError;
}

/**
 * Bolt's receiver throws for a request it does not route (any path or method but its own), with the
 * whole request attached to the error. This answers those 404 without logging the request (its
 * headers may carry credentials); any other throw still goes to the caller.
 */
export function answerUnknownRoutes(inner: RequestListener): RequestListener {
  return (req, res) => {
    try {
      return inner(req, res);
    } catch (err) {
      if (!isUnhandledRoute(err)) throw err;
      req.resume();
      if (res.headersSent) {
        res.end();
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(NOT_FOUND);
    }
  };
}
