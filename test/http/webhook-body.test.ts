import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../src/sota/signature.js';
import { openRaw, send, sendRaw } from './http-client.js';
import { type Edge, eventBody, HOOK_ID, startEdge } from './webhook-harness.js';

let edge: Edge;
afterEach(async () => {
  expect(await edge.healthy()).toBe(true);
  await edge.close();
});

const LIMIT = 64 * 1024;

function head(signature: string, extra: string): string {
  return (
    `POST /webhooks/sota/${HOOK_ID} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `X-Sota-Signature: ${signature}\r\n${extra}\r\n`
  );
}

/** A valid event padded with trailing spaces to exactly `size` bytes. */
function paddedBody(size: number): string {
  const body = eventBody();
  return body + ' '.repeat(size - Buffer.byteLength(body));
}

async function expectNothingStored(): Promise<void> {
  expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
}

describe('bodies that are not a sota.io event', () => {
  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', 'event=deploy.started'],
    ['truncated JSON', eventBody().slice(0, -1)],
  ])('answers 400 for %s even when it is signed', async (_name, body) => {
    edge = await startEdge();
    const answer = await edge.deliver(body);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ error: { code: 'invalid_body', message: 'the body is not valid JSON' } });
    await expectNothingStored();
  });

  it('answers 400 for invalid UTF-8 that was signed (it verifies, then fails to decode)', async () => {
    edge = await startEdge();
    const text = eventBody({ data: { status: 'XX' } });
    const bytes = Buffer.from(text);
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const answer = await edge.deliver(bytes);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      error: { code: 'invalid_body', message: 'the body is not valid UTF-8' },
    });
    await expectNothingStored();
  });
});

describe('unicode and escapes', () => {
  const spellings = {
    literal:
      '{"event":"deploy.started","project_id":"P","deployment_id":"D1","timestamp":"T","data":{"status":"é"}}',
    escaped:
      '{"event":"deploy.started","project_id":"P","deployment_id":"D2","timestamp":"T","data":{"status":"\\u00e9"}}',
    slash:
      '{"event":"deploy.started","project_id":"P","deployment_id":"D3","timestamp":"T","data":{"status":"\\/"}}',
  };
  const fill = (s: string) =>
    s
      .replace('"P"', '"550e8400-e29b-41d4-a716-446655440000"')
      .replace('"T"', `"${new Date(Date.parse('2026-03-01T11:59:00Z')).toISOString()}"`)
      .replace(/"D(\d)"/, '"7c9e6679-7425-40de-944b-e07fc1f90ae$1"');

  it('verifies each spelling only against its own bytes and stores it byte for byte', async () => {
    edge = await startEdge();
    const bodies = Object.values(spellings).map(fill);
    for (const [i, body] of bodies.entries()) {
      const other = bodies[(i + 1) % bodies.length] ?? '';
      const crossed = await edge.deliver(body.replace(/ae\d"/, other.match(/ae\d"/)?.[0] ?? ''), {
        'x-sota-signature': signSotaPayload(edge.hook.secret, other),
      });
      expect(crossed.status).toBe(401);
      expect((await edge.deliver(body)).status).toBe(202);
    }
    const stored = await Promise.all(
      [1, 2, 3].map((n) =>
        edge.store.listDeploymentEvents(HOOK_ID, `7c9e6679-7425-40de-944b-e07fc1f90ae${n}`),
      ),
    );
    expect(stored.map((events) => events[0]?.payload)).toEqual(bodies);
  });
});

describe('how the body arrives', () => {
  it('accepts a body that arrives one byte per write', async () => {
    edge = await startEdge();
    const body = eventBody();
    const raw = await openRaw(edge.port);
    await raw.write(head(signSotaPayload(edge.hook.secret, body), `Content-Length: ${body.length}\r\n`));
    for (const byte of Buffer.from(body)) await raw.write(Buffer.from([byte]));
    const answer = await raw.answer;
    raw.close();
    expect(answer?.status).toBe(202);
    expect(await edge.counts()).toEqual({ events: 1, jobs: 1 });
  });

  it('accepts a body of exactly 64 KiB', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(paddedBody(LIMIT));
    expect(answer.status).toBe(202);
  });

  it('answers 413 for a signed body one byte over 64 KiB', async () => {
    edge = await startEdge();
    const answer = await edge.deliver(paddedBody(LIMIT + 1));
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    await expectNothingStored();
  });

  it('answers 413 for a chunked body once it passes 64 KiB', async () => {
    edge = await startEdge();
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const answer = await send(edge.port, {
      method: 'POST',
      path: `/webhooks/sota/${HOOK_ID}`,
      headers: { 'content-type': 'application/json', 'x-sota-signature': `sha256=${'0'.repeat(64)}` },
      chunks: [chunk, chunk, chunk, chunk, chunk],
    });
    expect(answer.status).toBe(413);
    await expectNothingStored();
  });

  it('answers 413 from a Content-Length over 64 KiB before any body byte is sent', async () => {
    edge = await startEdge();
    const answer = await sendRaw(
      edge.port,
      head(`sha256=${'0'.repeat(64)}`, `Content-Length: ${LIMIT + 1}\r\n`),
    );
    expect(answer?.status).toBe(413);
    await expectNothingStored();
  });

  it('reads only Content-Length bytes when more are sent, and stores nothing', async () => {
    edge = await startEdge();
    const body = eventBody();
    const answer = await sendRaw(
      edge.port,
      head(signSotaPayload(edge.hook.secret, body), `Content-Length: ${body.length - 10}\r\n`) + body,
    );
    // The short body fails the signature (401); the left-over bytes are not HTTP, and Node's parser
    // answers 400 and closes the connection when it reaches them first.
    expect([400, 401]).toContain(answer?.status);
    await expectNothingStored();
  });

  it('verifies only the Content-Length bytes when a second request follows them (401)', async () => {
    edge = await startEdge();
    const body = eventBody();
    const trailer = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
    const signedOverAll = signSotaPayload(edge.hook.secret, body + trailer);
    const answer = await sendRaw(
      edge.port,
      head(signedOverAll, `Content-Length: ${body.length}\r\n`) + body + trailer,
    );
    expect(answer?.status).toBe(401);
    await expectNothingStored();
  });

  it('survives a client that goes away in the middle of the body', async () => {
    edge = await startEdge();
    const body = eventBody();
    const raw = await openRaw(edge.port);
    await raw.write(head(signSotaPayload(edge.hook.secret, body), `Content-Length: ${body.length}\r\n`));
    await raw.write(body.slice(0, 20));
    raw.close();
    expect(await raw.answer).toBeUndefined();
    expect(await edge.healthy()).toBe(true);
    await expectNothingStored();
  });
});

describe('encodings and content types', () => {
  it('answers 415 for a gzip-encoded body, even one whose signature matches its bytes', async () => {
    edge = await startEdge();
    const zipped = gzipSync(eventBody());
    const answer = await edge.deliver(zipped, { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(415);
    expect(answer.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    await expectNothingStored();
  });

  it('accepts an explicit identity encoding', async () => {
    edge = await startEdge();
    expect((await edge.deliver(eventBody(), { 'content-encoding': 'identity' })).status).toBe(202);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/jsonp',
    'application/json; charset=latin1',
    'multipart/form-data; boundary=x',
  ])('answers 415 for Content-Type %s', async (type) => {
    edge = await startEdge();
    const answer = await edge.deliver(eventBody(), { 'content-type': type });
    expect(answer.status).toBe(415);
    await expectNothingStored();
  });
});
