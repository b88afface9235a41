import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../src/sota/signature.js';
import { sendRaw } from './http-client.js';
import { type Edge, eventBody, HOOK_ID, startEdge } from './webhook-harness.js';

// One edge for the file: every case here must leave the store empty.
let edge: Edge;
beforeAll(async () => {
  edge = await startEdge();
});
afterAll(async () => {
  await edge.close();
});
afterEach(async () => {
  expect(await edge.counts()).toEqual({ events: 0, jobs: 0 });
  expect(await edge.healthy()).toBe(true);
});

const BODY = eventBody();
const REFUSED = {
  error: {
    code: 'invalid_signature',
    message: 'the X-Sota-Signature header is missing, malformed or does not match the body',
  },
};

function good(): string {
  return signSotaPayload(edge.hook.secret, BODY);
}
function hex(): string {
  return good().slice('sha256='.length);
}

describe('the X-Sota-Signature header', () => {
  const cases: Array<[string, () => string | string[] | undefined]> = [
    ['missing', () => undefined],
    ['empty', () => ''],
    ['the prefix alone', () => 'sha256='],
    ['bare hex without prefix', () => hex()],
    ['a sha1= prefix', () => `sha1=${hex()}`],
    ['a sha512= prefix', () => `sha512=${hex()}`],
    ['an upper-case SHA256= prefix', () => `SHA256=${hex()}`],
    ['63 hex digits', () => `sha256=${hex().slice(0, 63)}`],
    ['65 hex digits', () => `sha256=${hex()}a`],
    ['a non-hex character at the end', () => `sha256=${hex().slice(0, 63)}x`],
    ['a non-hex character in the middle', () => `sha256=${hex().slice(0, 20)}q${hex().slice(21)}`],
    ['the right digest in base64', () => `sha256=${Buffer.from(hex(), 'hex').toString('base64')}`],
    ['two signatures in one header', () => `${good()},${good()}`],
    ['the right header sent twice', () => [good(), good()]],
    ['a space inside the value', () => `sha256= ${hex()}`],
    ['a tab after the value', () => `sha256=${hex().slice(0, 32)}\t${hex().slice(32)}`],
    ['a non-ASCII character', () => `sha256=${hex().slice(0, 63)}\u00e9`],
    ['a signature made with another secret', () => signSotaPayload('whsec_wrong', BODY)],
    ['the right secret over a body one byte longer', () => signSotaPayload(edge.hook.secret, `${BODY} `)],
  ];

  it.each(cases)('answers 401 for %s, with one body for every reason', async (_name, header) => {
    const answer = await edge.deliver(BODY, { 'x-sota-signature': header() });
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual(REFUSED);
  });

  it('answers 401 when the body differs from the signed one by one byte', async () => {
    const changed = Buffer.from(BODY);
    changed[10] = (changed[10] ?? 0) ^ 0x01;
    const answer = await edge.deliver(changed, { 'x-sota-signature': good() });
    expect(answer.status).toBe(401);
  });

  it('answers 401 when the body was re-spaced after signing', async () => {
    const respaced = JSON.stringify(JSON.parse(BODY), null, 1);
    const answer = await edge.deliver(respaced, { 'x-sota-signature': good() });
    expect(answer.status).toBe(401);
  });

  it('refuses a control character in the header at the HTTP layer (400), before any work', async () => {
    const request =
      `POST /webhooks/sota/${HOOK_ID} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(BODY)}\r\nX-Sota-Signature: sha256=${hex().slice(0, 10)}\u0001${hex().slice(11)}\r\n\r\n`;
    const answer = await sendRaw(edge.port, request, BODY);
    expect(answer?.status).toBe(400);
  });

  it('answers 401 for raw non-ASCII bytes in the header', async () => {
    const head = Buffer.from(
      `POST /webhooks/sota/${HOOK_ID} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(BODY)}\r\nX-Sota-Signature: sha256=${hex().slice(0, 62)}`,
    );
    const answer = await sendRaw(
      edge.port,
      Buffer.concat([head, Buffer.from([0xc3, 0xa9]), Buffer.from('\r\n\r\n')]),
      BODY,
    );
    expect(answer?.status).toBe(401);
  });

  it('answers 401 for the same valid header line sent twice on the wire', async () => {
    const request =
      `POST /webhooks/sota/${HOOK_ID} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(BODY)}\r\nX-Sota-Signature: ${good()}\r\nX-Sota-Signature: ${good()}\r\n\r\n`;
    const answer = await sendRaw(edge.port, request, BODY);
    expect(answer?.status).toBe(401);
    expect(answer?.json()).toEqual(REFUSED);
  });
});
