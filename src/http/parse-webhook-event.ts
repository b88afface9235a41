import type { z } from 'zod';
import { type SotaEvent, sotaEventSchema } from '../sota/event.js';
import { badRequest, type Rejection, WebhookErrorCode } from './webhook-rejection.js';

/** A verified body that is a well-formed sota.io event. */
export interface ParsedWebhookEvent {
  event: SotaEvent;
  /** The body as UTF-8 text, exactly as received (what the store keeps). */
  text: string;
  occurredAtMs: number;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  const field = issue?.path.map(String).join('.') ?? '';
  if (field === '')
    return 'the body must be a JSON object with event, project_id, deployment_id and timestamp';
  return `field "${field}" is invalid: ${issue?.message ?? 'unexpected value'}`;
}

// One strict decoder for every body: decode() without { stream: true } keeps no state between calls.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeJson(rawBody: Buffer): { text: string; json: unknown } | Rejection {
  let text: string;
  try {
    text = STRICT_UTF8.decode(rawBody);
  } catch {
    return badRequest(WebhookErrorCode.invalidBody, 'the body is not valid UTF-8');
  }
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return badRequest(WebhookErrorCode.invalidBody, 'the body is not valid JSON');
  }
}

/** Decodes (strict UTF-8), parses and validates a body whose signature has already been verified. */
export function parseWebhookEvent(rawBody: Buffer): ParsedWebhookEvent | Rejection {
  const decoded = decodeJson(rawBody);
  if (!('json' in decoded)) return decoded;
  const result = sotaEventSchema.safeParse(decoded.json);
  if (!result.success)
    return badRequest(WebhookErrorCode.invalidEvent, describeIssue(result.error.issues[0]));
  const occurredAtMs = Date.parse(result.data.timestamp);
  if (Number.isNaN(occurredAtMs)) {
    return badRequest(WebhookErrorCode.invalidEvent, 'field "timestamp" is not a valid date');
  }
  return { event: result.data, text: decoded.text, occurredAtMs };
}
