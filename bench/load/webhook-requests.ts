import { randomUUID } from 'node:crypto';
import { signSotaPayload } from '../../src/sota/signature.js';

/** Where one event goes: the hook's path id and its signing secret. */
export interface HookTarget {
  hookId: string;
  secret: string;
  projectId: string;
}

export type DeployEventName = 'deploy.started' | 'deploy.succeeded';

/** A sota.io deploy event as compact JSON (what `JSON.stringify` of the parsed body gives back). */
export function deployEventBody(
  projectId: string,
  deploymentId: string,
  event: DeployEventName,
  at: Date,
): string {
  const data =
    event === 'deploy.succeeded'
      ? { url: 'https://bench-app.sota.io', status: 'running' }
      : { status: 'deploying' };
  return JSON.stringify({
    event,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    data,
  });
}

/** The raw bytes of one signed `POST /webhooks/sota/:hookId` on a keep-alive connection. */
export function webhookRequest(hook: HookTarget, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head =
    `POST /webhooks/sota/${hook.hookId} HTTP/1.1\r\n` +
    'Host: 127.0.0.1\r\n' +
    'Content-Type: application/json\r\n' +
    `X-Sota-Signature: ${signSotaPayload(hook.secret, bytes)}\r\n` +
    `Content-Length: ${bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/** `count` signed deploy.started requests to one hook, each for a new deployment id. */
export function uniqueStartedRequests(hook: HookTarget, count: number, at = new Date()): Buffer[] {
  const out: Buffer[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    out[i] = webhookRequest(hook, deployEventBody(hook.projectId, randomUUID(), 'deploy.started', at));
  }
  return out;
}

/** Hands out the requests in order, once each; counts how often it was asked after running dry. */
export function onceEach(requests: readonly Buffer[]): {
  next: () => Buffer | undefined;
  used: () => number;
} {
  let i = 0;
  return {
    next: () => (i < requests.length ? requests[i++] : undefined),
    used: () => i,
  };
}

/** Hands out the requests round and round (for servers that store nothing, so repeats cost the same). */
export function cycle(requests: readonly Buffer[]): () => Buffer | undefined {
  let i = 0;
  return () => {
    const request = requests[i];
    i = i + 1 === requests.length ? 0 : i + 1;
    return request;
  };
}
