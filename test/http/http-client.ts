/** Small HTTP clients for tests: node:http for ordinary requests, node:net for what a client must not send. */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

export interface SendOptions {
  method: string;
  path: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: Buffer;
  /** Write the body in these pieces (chunked transfer unless a content-length header is given). */
  chunks?: Buffer[];
}

function answerOf(status: number, headers: Answer['headers'], text: string): Answer {
  return { status, headers, text, json: () => JSON.parse(text) };
}

/** One request on its own connection (no keep-alive), resolved with the full answer. */
export function send(port: number, options: SendOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(
      Object.entries(options.headers ?? {}).filter(
        (entry): entry is [string, string | string[]] => entry[1] !== undefined,
      ),
    );
    const req = request({
      host: '127.0.0.1',
      port,
      method: options.method,
      path: options.path,
      headers,
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve(answerOf(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString())),
      );
      res.on('error', reject);
    });
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

function parseRaw(data: Buffer): Answer | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = data.subarray(end + 4);
  const length = Number(headers['content-length'] ?? 0);
  if (body.length < length) return undefined;
  return answerOf(Number(statusLine.split(' ')[1]), headers, body.subarray(0, length).toString());
}

export interface RawExchange {
  socket: Socket;
  /** Resolves with the first answer on the connection, or undefined if it closes without one. */
  answer: Promise<Answer | undefined>;
  /** Resolves when the connection has closed (from either side). */
  closed: Promise<void>;
  /** Writes and waits until the bytes were handed to the kernel. */
  write(bytes: string | Buffer): Promise<void>;
  close(): void;
}

/** A raw TCP connection to the server, for bytes an HTTP client would refuse to send. */
export async function openRaw(port: number): Promise<RawExchange> {
  const socket = connect({ host: '127.0.0.1', port, noDelay: true });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let data = Buffer.alloc(0);
  const answer = new Promise<Answer | undefined>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const parsed = parseRaw(data);
      if (parsed) resolve(parsed);
    });
    socket.on('close', () => resolve(parseRaw(data)));
    socket.on('error', () => undefined);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    answer,
    closed,
    write: (bytes) => new Promise((resolve) => socket.write(bytes, () => resolve())),
    close: () => socket.destroy(),
  };
}

/** Sends `bytes` over a raw connection and returns the first answer. */
export async function sendRaw(port: number, ...writes: Array<string | Buffer>): Promise<Answer | undefined> {
  const raw = await openRaw(port);
  try {
    for (const bytes of writes) await raw.write(bytes);
    return await raw.answer;
  } finally {
    raw.close();
  }
}
