import { isKnownEvent } from '../sota/event.js';
import type { EventDisposition } from '../store/types.js';
import type { ParsedWebhookEvent } from './parse-webhook-event.js';
import { badRequest, type Rejection, WebhookErrorCode } from './webhook-rejection.js';

/** How far ahead of our clock a signed timestamp may be. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface AssessContext {
  /** The project of the hook the event was sent to. */
  projectId: string;
  now: number;
  eventMaxAgeMs: number;
}

/**
 * Checks that a verified event belongs to the hook's project and is not from the future, then
 * decides what becomes of it: unknown names and stale events are recorded only.
 */
export function assessWebhookEvent(
  parsed: ParsedWebhookEvent,
  context: AssessContext,
): EventDisposition | Rejection {
  if (parsed.event.project_id.toLowerCase() !== context.projectId.toLowerCase()) {
    return badRequest(
      WebhookErrorCode.projectMismatch,
      'the event belongs to another project than this hook',
    );
  }
  if (parsed.occurredAtMs > context.now + MAX_FUTURE_SKEW_MS) {
    return badRequest(WebhookErrorCode.timestampInFuture, 'field "timestamp" is more than 5 minutes ahead');
  }
  if (!isKnownEvent(parsed.event.event)) return 'unknown';
  if (context.now - parsed.occurredAtMs > context.eventMaxAgeMs) return 'stale';
  return 'deliver';
}
