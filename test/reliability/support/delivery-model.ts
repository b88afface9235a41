/** A signed sota.io delivery as the parts a mutation can change, and its bytes on the wire. */
import type { WireRequest } from './wire-request.js';

export interface DeliveryModel {
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  body: Buffer;
  framing: 'length' | 'chunked' | 'none';
  /** Added to the true body length in Content-Length (a lying length when not 0). */
  lengthDelta: number;
  chunkSizes: number[];
}

export interface Mutation {
  label: string;
  apply(model: DeliveryModel): DeliveryModel;
}

export function originalDelivery(hookId: string, body: Buffer, signature: string): DeliveryModel {
  return {
    method: 'POST',
    path: `/webhooks/sota/${hookId}`,
    query: '',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Sota-Signature', signature],
    ],
    body,
    framing: 'length',
    lengthDelta: 0,
    chunkSizes: [],
  };
}

export function toWire(m: DeliveryModel): WireRequest {
  const framing =
    m.framing === 'length'
      ? { kind: 'length' as const, value: Math.max(0, m.body.length + m.lengthDelta) }
      : m.framing === 'chunked'
        ? { kind: 'chunked' as const, sizes: m.chunkSizes }
        : { kind: 'none' as const };
  return { method: m.method, target: `${m.path}${m.query}`, headers: m.headers, body: m.body, framing };
}
