/** A broken assumption the app cannot continue after (a bug, or state it does not understand). */
export class InvariantError extends Error {
  readonly code = 'invariant_violation';
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

/** SQLite result codes after which the database file cannot be trusted or used by this process. */
const FATAL_SQLITE = /^SQLITE_(CORRUPT|NOTADB|IOERR|READONLY|CANTOPEN)/;

/** Messages of drivers whose handle was closed under the app: nothing will work again. */
const CLOSED_HANDLE = [
  'The database connection is not open',
  'Cannot use a pool after calling end on the pool',
  // the query layer's own, on either engine
  'driver has already been destroyed',
];

/**
 * True for a failure that leaves the process unable to serve: a store that is corrupt, unreadable,
 * read-only or closed, or an invariant violation. Timeouts, lost connections and busy databases
 * are not fatal: they pass, and the callers answer 503 or retry meanwhile.
 */
export function isFatalError(err: unknown): boolean {
  if (err instanceof InvariantError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && FATAL_SQLITE.test(code)) return true;
  return CLOSED_HANDLE.some((text) => err.message.includes(text));
}

/** One line naming the failure for the operator, without any detail that could carry a secret. */
export function describeFatal(err: unknown): string {
  if (err instanceof InvariantError) return `invariant violated: ${err.message}`;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return `the store failed (${code})`;
  if (err instanceof Error) return `the store failed (${err.message.slice(0, 120)})`;
  return 'the store failed';
}
