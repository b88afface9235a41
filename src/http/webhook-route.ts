import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { Metrics, WebhookOutcome } from '../metrics/metrics.js';
import { SignatureError, verifySotaSignature } from '../sota/signature.js';
import type { EventDisposition, Hook, Store } from '../store/types.js';
import { assessWebhookEvent } from './assess-webhook-event.js';
import { checkWebhookHeaders } from './check-webhook-headers.js';
import { createHookCache } from './hook-cache.js';
import { sendError, sendJson } from './json-response.js';
import { type ParsedWebhookEvent, parseWebhookEvent } from './parse-webhook-event.js';
import { ReadBodyError, ReadBodyErrorCode, readBody } from './read-body.js';
import { REJECTIONS, Rejection, WebhookErrorCode } from './webhook-rejection.js';

/** The largest body a webhook may have. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

export interface WebhookDeps {
  store: Pick<Store, 'getHook' | 'ingestEvent'>;
  logger: Logger;
  metrics: Metrics;
  now: () => number;
  /** Events whose timestamp is older than this are recorded as stale and not posted. */
  eventMaxAgeMs: number;
  /** How long a hook lookup is served from memory (default 2000 ms). */
  hookCacheTtlMs?: number;
}

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, hookId: string) => Promise<void>;

interface Accepted {
  duplicate: boolean;
  recorded: EventDisposition;
}

const ACCEPTED_OUTCOME: Record<EventDisposition, WebhookOutcome> = {
  deliver: 'accepted',
  stale: 'stale',
  unknown: 'unknown_event',
};

/**
 * POST /webhooks/sota/:hookId — checks in a fixed order (method, encoding, type, hook, size,
 * signature, body, project, time), stores the event durably, then answers 202. Never throws and
 * never calls Slack or sota.io.
 */
export function createWebhookHandler(deps: WebhookDeps): WebhookHandler {
  const hooks = createHookCache({
    load: (id) => deps.store.getHook(id),
    now: deps.now,
    ttlMs: deps.hookCacheTtlMs ?? 2000,
  });

  async function findHook(hookId: string): Promise<Hook | Rejection> {
    let hook: Hook | undefined;
    try {
      hook = await hooks.get(hookId);
    } catch (err) {
      deps.logger.error({ err, hookId }, 'webhook hook lookup failed');
      return REJECTIONS.storeUnavailable;
    }
    if (!hook) return REJECTIONS.unknownHook;
    return hook.status === 'retired' ? REJECTIONS.retiredHook : hook;
  }

  async function readVerifiedBody(req: IncomingMessage, hook: Hook): Promise<Buffer | Rejection> {
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, WEBHOOK_BODY_LIMIT_BYTES);
    } catch (err) {
      const tooLarge = err instanceof ReadBodyError && err.code === ReadBodyErrorCode.tooLarge;
      return tooLarge ? REJECTIONS.tooLarge : REJECTIONS.incompleteBody;
    }
    try {
      verifySotaSignature({ secret: hook.secret, rawBody, header: req.headers['x-sota-signature'] });
    } catch (err) {
      const reason = err instanceof SignatureError ? err.code : 'error';
      deps.logger.info({ hookId: hook.id, reason }, 'webhook signature refused');
      return REJECTIONS.badSignature;
    }
    return rawBody;
  }

  async function ingest(req: IncomingMessage, hookId: string): Promise<Accepted | Rejection> {
    const headerProblem = checkWebhookHeaders(req);
    if (headerProblem) return headerProblem;
    const hook = await findHook(hookId);
    if (hook instanceof Rejection) return hook;
    const rawBody = await readVerifiedBody(req, hook);
    if (rawBody instanceof Rejection) return rawBody;
    const parsed = parseWebhookEvent(rawBody);
    if (parsed instanceof Rejection) return parsed;
    const receivedAt = deps.now();
    const context = { projectId: hook.projectId, now: receivedAt, eventMaxAgeMs: deps.eventMaxAgeMs };
    const disposition = assessWebhookEvent(parsed, context);
    if (disposition instanceof Rejection) return disposition;
    return commit(hook, parsed, disposition, receivedAt);
  }

  async function commit(
    hook: Hook,
    parsed: ParsedWebhookEvent,
    disposition: EventDisposition,
    receivedAt: number,
  ): Promise<Accepted | Rejection> {
    try {
      const result = await deps.store.ingestEvent({
        hookId: hook.id,
        projectId: hook.projectId,
        deploymentId: parsed.event.deployment_id,
        event: parsed.event.event,
        occurredAt: parsed.event.timestamp,
        receivedAt,
        payload: parsed.text,
        disposition,
      });
      return { duplicate: result.duplicate, recorded: disposition };
    } catch (err) {
      deps.logger.error({ err, hookId: hook.id }, 'webhook event could not be stored');
      return REJECTIONS.storeUnavailable;
    }
  }

  function answer(res: ServerResponse, result: Accepted | Rejection): void {
    if (result instanceof Rejection) {
      deps.metrics.webhooks.inc({ outcome: result.outcome });
      sendError(res, result.status, result.code, result.message, result.headers);
      return;
    }
    deps.metrics.webhooks.inc({
      outcome: result.duplicate ? 'duplicate' : ACCEPTED_OUTCOME[result.recorded],
    });
    sendJson(res, 202, { ok: true, duplicate: result.duplicate, recorded: result.recorded });
  }

  return async (req, res, hookId) => {
    try {
      answer(res, await ingest(req, hookId));
    } catch (err) {
      deps.logger.error({ err, hookId }, 'webhook request failed');
      deps.metrics.webhooks.inc({ outcome: 'store_error' });
      sendError(res, 500, WebhookErrorCode.internal, 'internal error');
    }
  };
}
