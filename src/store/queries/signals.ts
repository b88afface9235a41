import type { Db } from '../schema.js';
import type { SignalStore } from '../signal-types.js';
import { createHistoryQueries } from './history.js';
import { createMuteDigestQueries } from './mutes-digests.js';
import { createNoticeQueries } from './notices.js';

/** Mutes, digests, notices and the history reads, written once for both engines. */
export function createSignalQueries(db: Db): SignalStore {
  return { ...createMuteDigestQueries(db), ...createNoticeQueries(db), ...createHistoryQueries(db) };
}
