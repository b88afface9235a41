import type { FakeSlack, FakeSlackCall } from '../../test/fakes/fake-slack.js';
import { percentile } from '../support/stats.js';
import { minimumSeconds, okCallsPerChannel } from './delivery-check.js';

export interface BulkTiming {
  /** Every message reached its final state before the timeout. */
  finished: boolean;
  /** First webhook sent → the last Slack call answered (projected from progress when not finished). */
  totalSeconds: number;
  /** The least time the channel limits allow for the calls the app made (the busiest channel). */
  minimumSeconds: number;
  /** The least time the limits allow with one call per deployment (each posted once, already final). */
  floorSeconds: number;
  calls: Record<string, number>;
  rateLimited: number;
  /** Successful calls to the busiest channel. */
  busiestChannelCalls: number;
  /** Time between consecutive successful calls to one channel. */
  channelGapMs: { p10: number; p50: number; p90: number };
}

function channelGaps(ok: readonly FakeSlackCall[]): BulkTiming['channelGapMs'] {
  const last = new Map<string, number>();
  const gaps: number[] = [];
  for (const c of ok) {
    const channel = String(c.body.channel);
    const before = last.get(channel);
    if (before !== undefined) gaps.push(c.at - before);
    last.set(channel, c.at);
  }
  const sorted = Float64Array.from(gaps).sort();
  return { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

interface TimingInput {
  channelRateLimit: { perSecond: number; burst: number };
  slackLatencyMs: number;
  deploymentsPerChannel: number;
  finished: boolean;
  finalCount: number;
  planned: number;
}

/** Times the bulk run from the calls the fake Slack recorded since `startedAt`. */
export function timeBulk(slack: FakeSlack, startedAt: number, t: TimingInput): BulkTiming {
  const calls = slack.calls.filter((c) => c.at >= startedAt);
  const ok = calls.filter((c) => c.result === 'ok');
  const lastAt = Math.max(startedAt, ...ok.map((c) => c.at)) + t.slackLatencyMs;
  const elapsed = (lastAt - startedAt) / 1000;
  const perChannel = [...okCallsPerChannel(ok).values()];
  const byMethod: Record<string, number> = {};
  for (const c of ok) {
    const kind = c.method === 'chat.postMessage' && c.body.thread_ts ? 'thread reply' : c.method;
    byMethod[kind] = (byMethod[kind] ?? 0) + 1;
  }
  return {
    finished: t.finished,
    totalSeconds: t.finished ? elapsed : (elapsed * t.planned) / Math.max(1, t.finalCount),
    minimumSeconds: Math.max(
      0,
      ...perChannel.map((n) => minimumSeconds(n, t.channelRateLimit, t.slackLatencyMs)),
    ),
    floorSeconds: minimumSeconds(t.deploymentsPerChannel, t.channelRateLimit, t.slackLatencyMs),
    calls: byMethod,
    rateLimited: calls.filter((c) => c.result === 'rate_limited').length,
    busiestChannelCalls: Math.max(0, ...perChannel),
    channelGapMs: channelGaps(ok),
  };
}
