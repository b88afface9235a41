/** Reading requests and writing answers the way the Slack Web API does (see fake-slack.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Form fields the client sends as JSON text. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'user_auth_blocks']);

function decodeJson(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A JSON or form-urlencoded body as an object; structured form fields are decoded from JSON text. */
export function decodeBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return decodeJson(raw);
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = value;
    if (!JSON_FIELDS.has(key)) continue;
    try {
      body[key] = JSON.parse(value);
    } catch {
      // keep the text as sent
    }
  }
  return body;
}

export async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The bearer token, or the `token` field of the body. */
export function tokenOf(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return typeof body.token === 'string' ? body.token : undefined;
}

/** JSON for objects, plain text for strings. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}
