/**
 * Baseline (b): the handler as sota.io's webhook guide sketches it — Express, `express.json()`, and
 * the HMAC computed over `JSON.stringify(req.body)`, compared in constant time, answering 200.
 * It stores nothing. Prints `{"port":N}` once listening on 127.0.0.1.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';

const secret = process.env.BENCH_SECRET ?? '';
const app = express();
app.use(express.json());

app.post('/webhooks/sota/:hookId', (req, res) => {
  const signature = req.headers['x-sota-signature'];
  const expected = `sha256=${createHmac('sha256', secret).update(JSON.stringify(req.body)).digest('hex')}`;
  if (
    typeof signature !== 'string' ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    res.status(401).send('Invalid signature');
    return;
  }
  res.status(200).send('OK');
});

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
