import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HEADER = /^sha256=[0-9a-fA-F]{64}$/;
const ANSWER = '{"ok":true}';

function verified(key: Buffer, header: string | string[] | undefined, body: Buffer): boolean {
  if (typeof header !== 'string' || !HEADER.test(header)) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', key).update(body).digest();
  return timingSafeEqual(given, expected);
}

/** Answers 202 with a small JSON body. */
export function accept(res: ServerResponse): void {
  res.writeHead(202, { 'content-type': 'application/json', 'content-length': String(ANSWER.length) });
  res.end(ANSWER);
}

/**
 * The bare webhook route the baselines share: reads the body, verifies the HMAC over the raw bytes in
 * constant time (401 otherwise), parses the JSON (400 otherwise) and hands the event to `onEvent`.
 */
export function createBareRoute(
  secret: string,
  onEvent: (event: Record<string, unknown>, text: string, res: ServerResponse) => void,
): Server {
  const key = Buffer.from(secret, 'utf8');
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!verified(key, req.headers['x-sota-signature'], body)) {
        res.writeHead(401, { 'content-length': '0' }).end();
        return;
      }
      const text = body.toString('utf8');
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(text);
      } catch {
        res.writeHead(400, { 'content-length': '0' }).end();
        return;
      }
      onEvent(event, text, res);
    });
  });
}

/** Listens on 127.0.0.1, prints `{"port":N}`, and closes on SIGTERM (running `onClose` last). */
export function listenOnLoopback(server: Server, onClose: () => void = () => undefined): void {
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
  process.on('SIGTERM', () =>
    server.close(() => {
      onClose();
      process.exit(0);
    }),
  );
}
