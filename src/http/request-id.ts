import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ids = new WeakMap<IncomingMessage, string>();

/** Gives the request its id (once) and returns it; every log line about the request carries it. */
export function assignRequestId(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    id = randomUUID();
    ids.set(req, id);
  }
  return id;
}

/** The request's id, or undefined for a request the server never saw. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return ids.get(req);
}
