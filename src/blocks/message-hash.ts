import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';

/**
 * A sha256 hex digest of the message as stable JSON (object keys sorted), so two renderings that
 * would look the same in Slack hash the same and an update that changes nothing can be skipped.
 */
export function hashMessage(msg: { text: string; blocks: KnownBlock[] }): string {
  return createHash('sha256').update(stableJson(msg), 'utf8').digest('hex');
}

/** JSON with the keys of every object sorted; arrays keep their order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      Object.defineProperty(sorted, key, {
        value: record[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return sorted;
  });
}
