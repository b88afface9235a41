import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/types.js';
import { sendError, sendJson } from './json-response.js';

export interface HealthDeps {
  store: Pick<Store, 'ping'>;
  /** How long /readyz waits for the store (default 1000 ms). */
  readyTimeoutMs?: number;
}

export interface HealthRoutes {
  /** 200 while the process serves. */
  healthz(req: IncomingMessage, res: ServerResponse): void;
  /** 200 when the store answers a ping in time, 503 otherwise. */
  readyz(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Resolves true when `ping` resolves within `timeoutMs`, false when it rejects or takes longer. */
export async function answersWithin(ping: () => Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = (async () => ping())().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

function allowsRead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  sendError(res, 405, 'method_not_allowed', 'use GET', { allow: 'GET, HEAD' });
  return false;
}

export function createHealthRoutes(deps: HealthDeps): HealthRoutes {
  const timeoutMs = deps.readyTimeoutMs ?? 1000;
  return {
    healthz(req, res) {
      if (allowsRead(req, res)) sendJson(res, 200, { ok: true });
    },
    async readyz(req, res) {
      if (!allowsRead(req, res)) return;
      if (await answersWithin(() => deps.store.ping(), timeoutMs)) sendJson(res, 200, { ok: true });
      else sendError(res, 503, 'not_ready', 'the store does not answer');
    },
  };
}
