import { type FakeSlack, type FakeSlackIdentity, startFakeSlack } from '../../test/fakes/fake-slack.js';

export interface BenchSlackOptions {
  tokens: Record<string, FakeSlackIdentity>;
  /** Per-channel limit enforced with 429 + Retry-After; none when omitted. */
  channelRateLimit?: { perSecond: number; burst: number };
  /** How long every call takes (default 50 ms). */
  latencyMs?: number;
}

/** The local stand-in for Slack's Web API that the benchmarks point the app at. */
export async function startBenchSlack(options: BenchSlackOptions): Promise<FakeSlack> {
  const slack = await startFakeSlack({
    tokens: options.tokens,
    ...(options.channelRateLimit ? { channelRateLimit: options.channelRateLimit } : {}),
  });
  const latencyMs = options.latencyMs ?? 50;
  if (latencyMs > 0) slack.failWhile(() => true, { delayMs: latencyMs });
  return slack;
}
