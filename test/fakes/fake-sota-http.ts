/**
 * Reading requests and writing replies for the fake sota.io server.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FakeReply } from './fake-sota-state.js';

export interface FakeSotaRequest {
  method: string;
  /** Path without the query, e.g. `/v1/projects`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
}

export async function readRequest(req: IncomingMessage): Promise<FakeSotaRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const url = new URL(req.url ?? '/', 'http://fake-sota.local');
  const query = Object.fromEntries(url.searchParams);
  return { method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, body };
}

export function sendReply(res: ServerResponse, reply: FakeReply): void {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': '100',
    'x-ratelimit-remaining': '99',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60),
    ...reply.headers,
  };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(text);
}
