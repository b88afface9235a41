/** Why a connection to another service gave no answer, in the words the logs and answers use. */
export type FailureKind = 'refused' | 'timeout' | 'TLS' | 'DNS' | 'reset';

const BY_CODE: Record<string, FailureKind> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_FAIL: 'DNS',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** The errors an error wraps: `cause` (fetch, undici), `original` (@slack/web-api), `errors` (AggregateError). */
function* chain(err: unknown, depth = 0): Generator<unknown> {
  if (err === null || err === undefined || depth > 5) return;
  yield err;
  const e = err as { cause?: unknown; original?: unknown; errors?: unknown };
  yield* chain(e.cause, depth + 1);
  yield* chain(e.original, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

function kindOf(err: unknown): FailureKind | undefined {
  const { code, name, message } = err as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (BY_CODE[code]) return BY_CODE[code];
    if (TLS_CODE.test(code)) return 'TLS';
  }
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (typeof message === 'string' && /\b(ssl|tls|certificate)\b/i.test(message)) return 'TLS';
  if (typeof message === 'string' && /timed? ?out|timeout/i.test(message)) return 'timeout';
  return undefined;
}

/** The kind of network failure behind `err`, looking through the errors it wraps; undefined when it is none. */
export function failureKind(err: unknown): FailureKind | undefined {
  for (const inner of chain(err)) {
    const kind = kindOf(inner);
    if (kind) return kind;
  }
  return undefined;
}

/** A few words for a log line or an answer: "connection refused", "no answer in time", … */
export function describeFailureKind(kind: FailureKind): string {
  return {
    refused: 'connection refused',
    timeout: 'no answer in time (timeout)',
    TLS: 'TLS handshake or certificate failed',
    DNS: 'host name not found (DNS)',
    reset: 'connection reset',
  }[kind];
}
