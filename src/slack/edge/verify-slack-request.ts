import { createHmac, timingSafeEqual } from 'node:crypto';
import { isWithinSlackWindow, parseSlackTimestamp } from './slack-timestamp.js';

export type SlackVerifyFailure = 'missing' | 'malformed' | 'outside_window' | 'mismatch';

export interface SlackVerifyInput {
  signingSecret: string;
  rawBody: Buffer;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  nowMs: number;
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Slack's v0 scheme over the exact body bytes: the timestamp is read once, with one grammar, and
 * that value is both checked against the window (past and future) and signed over.
 */
export function checkSlackRequest(
  input: SlackVerifyInput,
): { ok: true } | { ok: false; reason: SlackVerifyFailure } {
  const { signature, timestamp } = input;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing' };
  const seconds = parseSlackTimestamp(timestamp);
  if (seconds === undefined || typeof signature !== 'string' || !SIGNATURE.test(signature)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!isWithinSlackWindow(seconds, input.nowMs)) return { ok: false, reason: 'outside_window' };
  const expected = createHmac('sha256', input.signingSecret)
    .update(`v0:${seconds}:`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}
