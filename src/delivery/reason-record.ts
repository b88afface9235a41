import type { StoredEvent } from '../store/types.js';

/**
 * The stored record of a failure reason looked up in sota.io's deployment list, kept beside the
 * deployment's own events (never a sota.io event name, so it can never be confused with one).
 */
export const REASON_EVENT = 'sota-slack.reason';

/**
 * The stored outcome of a lookup that found no reason (sota.io lists none, or the key cannot read
 * the project): recorded, never posted, so the lookup is not made again after a restart.
 */
export const NO_REASON_EVENT = 'sota-slack.no-reason';

export function noReasonPayload(outcome: 'not_listed' | 'refused', code?: string): string {
  return JSON.stringify({ outcome, ...(code ? { code } : {}) });
}

export function reasonPayload(reason: string): string {
  return JSON.stringify({ error_message: reason });
}

/** The looked-up reason among a deployment's stored events, if there is one. */
export function readReasonRecord(stored: readonly StoredEvent[]): string | undefined {
  const record = stored.find((s) => s.event === REASON_EVENT);
  if (!record) return undefined;
  try {
    const value = (JSON.parse(record.payload) as { error_message?: unknown }).error_message;
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}
