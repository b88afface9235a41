/**
 * An HTTP/1.1 request as bytes on the wire, so a test can break any part of it (method, path,
 * header lines in order and repeated, body framing) and send it over a raw TCP connection.
 */
import { connect } from 'node:net';

export type Framing =
  | { kind: 'length'; value: number }
  | { kind: 'chunked'; sizes: number[] }
  | { kind: 'none' };

export interface WireRequest {
  method: string;
  /** Path with any query string. */
  target: string;
  /** Header lines in order; a name may repeat. Host, framing and Connection are added by `encode`. */
  headers: Array<[string, string]>;
  body: Buffer;
  framing: Framing;
}

export interface WireAnswer {
  status: number;
  body: string;
}

function chunked(body: Buffer, sizes: number[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= body.length) break;
    const piece = body.subarray(at, at + Math.max(1, size));
    at += piece.length;
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  if (at < body.length) {
    const rest = body.subarray(at);
    parts.push(Buffer.from(`${rest.length.toString(16)}\r\n`), rest, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** The request's bytes; header values are written as latin1 so any byte can be sent. */
export function encode(req: WireRequest): Buffer {
  const lines = [`${req.method} ${req.target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of req.headers) lines.push(`${name}: ${value}`);
  if (req.framing.kind === 'length') lines.push(`Content-Length: ${req.framing.value}`);
  if (req.framing.kind === 'chunked') lines.push('Transfer-Encoding: chunked');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const body = req.framing.kind === 'chunked' ? chunked(req.body, req.framing.sizes) : req.body;
  return Buffer.concat([head, body]);
}

function parseAnswer(data: Buffer): WireAnswer | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, end).toString('latin1'))?.[1]);
  if (!Number.isInteger(status)) return undefined;
  return { status, body: data.subarray(end + 4).toString('utf8') };
}

/**
 * Sends the bytes and resolves with the first answer once the server closed the connection
 * (every request says `Connection: close`); undefined when it closed without answering.
 * `halfClose` also ends the writing side, for a request whose body will never be complete.
 */
export function sendWire(port: number, bytes: Buffer, halfClose = false): Promise<WireAnswer | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks))));
    if (halfClose) socket.end(bytes);
    else socket.write(bytes);
  });
}
