/** A local stand-in for Slack's response_url endpoint: records every JSON body posted to it, with its path. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ResponseSink {
  url: string;
  bodies: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startResponseSink(): Promise<ResponseSink> {
  const bodies: Array<Record<string, unknown>> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        bodies.push({ ...json, _path: req.url });
      } catch {
        bodies.push({ _raw: Buffer.concat(chunks).toString('utf8'), _path: req.url });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
