/** The row a crash drill records in the report (the same columns for every drill). */

import type { CrashResult } from './crash-run.js';
import { COLUMNS, type FigureValue, percentile } from './figures.js';

export function crashFigures(
  r: CrashResult,
  signal: 'SIGKILL' | 'SIGTERM',
  secretsFound: number,
): Record<string, FigureValue> {
  return {
    webhooks: r.sender.deliveries,
    signal,
    kills: r.kills,
    'send attempts': r.sender.attempts,
    acked: r.sender.acked,
    're-sent, then acked as duplicate': r.sender.ackedAsDuplicate,
    'channel messages': r.audit.pairs,
    delivered: r.audit.delivered,
    [COLUMNS.lost]: r.audit.lostEvents,
    [COLUMNS.duplicatePosts]: r.audit.duplicatePosts,
    'duplicate replies': r.audit.duplicateReplies,
    'Slack calls cut': r.cutSlackCalls,
    'ack p50 ms': Math.round(percentile(r.sender.ackLatenciesMs, 50)),
    'ack p99 ms': Math.round(percentile(r.sender.ackLatenciesMs, 99)),
    'restart p50 ms': Math.round(percentile(r.restartMs, 50)),
    'drain after last restart ms': r.drainMs,
    [COLUMNS.secretsFound]: secretsFound,
  };
}
