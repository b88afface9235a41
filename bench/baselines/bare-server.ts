/**
 * Baseline (a): the ceiling of this machine for the webhook — a bare node:http server that reads the
 * body, verifies the HMAC over the raw bytes in constant time, parses the JSON and answers 202.
 * It stores nothing. Prints `{"port":N}` once listening on 127.0.0.1.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const key = Buffer.from(process.env.BENCH_SECRET ?? '', 'utf8');
const HEADER = /^sha256=[0-9a-fA-F]{64}$/;

function verified(header: string | string[] | undefined, body: Buffer): boolean {
  if (typeof header !== 'string' || !HEADER.test(header)) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', key).update(body).digest();
  return timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verified(req.headers['x-sota-signature'], body)) {
      res.writeHead(401, { 'content-length': '0' }).end();
      return;
    }
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-length': '0' }).end();
      return;
    }
    const answer = '{"ok":true}';
    res.writeHead(202, { 'content-type': 'application/json', 'content-length': String(answer.length) });
    res.end(answer);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
