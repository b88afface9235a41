import type { WebhookOutcome } from '../metrics/metrics.js';

/** Stable codes of the webhook route's error bodies. */
export const WebhookErrorCode = {
  methodNotAllowed: 'method_not_allowed',
  unsupportedMediaType: 'unsupported_media_type',
  unknownHook: 'unknown_hook',
  hookRetired: 'hook_retired',
  payloadTooLarge: 'payload_too_large',
  invalidSignature: 'invalid_signature',
  invalidBody: 'invalid_body',
  invalidEvent: 'invalid_event',
  projectMismatch: 'project_mismatch',
  timestampInFuture: 'timestamp_in_future',
  unavailable: 'unavailable',
  internal: 'internal_error',
} as const;
export type WebhookErrorCode = (typeof WebhookErrorCode)[keyof typeof WebhookErrorCode];

/** A webhook request refused: the status and body to answer and the outcome to count. */
export class Rejection {
  constructor(
    readonly status: number,
    readonly code: WebhookErrorCode,
    readonly outcome: WebhookOutcome,
    readonly message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

/** 400 with a message that tells the sender what is wrong, never what we hold. */
export function badRequest(code: WebhookErrorCode, message: string): Rejection {
  return new Rejection(400, code, 'bad_request', message);
}

/** The fixed refusals of the webhook route. */
export const REJECTIONS = Object.freeze({
  unknownHook: new Rejection(404, WebhookErrorCode.unknownHook, 'unknown_hook', 'no such webhook'),
  retiredHook: new Rejection(
    410,
    WebhookErrorCode.hookRetired,
    'retired_hook',
    'this webhook is no longer used',
  ),
  tooLarge: new Rejection(413, WebhookErrorCode.payloadTooLarge, 'too_large', 'the body is over 64 KiB'),
  incompleteBody: badRequest(WebhookErrorCode.invalidBody, 'the body did not arrive in full'),
  /** One answer for a missing, malformed or wrong signature: the reason is only logged. */
  badSignature: new Rejection(
    401,
    WebhookErrorCode.invalidSignature,
    'bad_signature',
    'the X-Sota-Signature header is missing, malformed or does not match the body',
  ),
  /** We could not look up or commit; the sender should try again. */
  storeUnavailable: new Rejection(
    503,
    WebhookErrorCode.unavailable,
    'store_error',
    'temporarily unavailable, retry later',
    Object.freeze({ 'retry-after': '5' }),
  ),
});
