/** Failure injection, per-channel rate limits and Retry-After bookkeeping of the fake Slack server. */
import type { ServerResponse } from 'node:http';
import { send } from './fake-slack-http.js';
import type {
  FakeSlackCall,
  FakeSlackFailure,
  FakeSlackMatcher,
  FakeSlackOptions,
} from './fake-slack-types.js';

type Rule = { match: FakeSlackMatcher; failure: FakeSlackFailure; left: number };

const matches = (m: FakeSlackMatcher, call: FakeSlackCall) =>
  typeof m === 'string' ? m === call.method : m(call);

/** The failNext / failWhile rules. */
export function createFailureRules() {
  let rules: Rule[] = [];
  return {
    add(match: FakeSlackMatcher, failure: FakeSlackFailure, times: number): () => void {
      const rule: Rule = { match, failure, left: times };
      rules.push(rule);
      return () => {
        rules = rules.filter((r) => r !== rule);
      };
    },
    clear() {
      rules = [];
    },
    /** `failNext` rules first (oldest first), then `failWhile` rules; consumes one use. */
    take(call: FakeSlackCall): FakeSlackFailure | undefined {
      const live = rules.filter((r) => r.left > 0 && matches(r.match, call));
      const rule = live.find((r) => Number.isFinite(r.left)) ?? live[0];
      if (!rule) return undefined;
      rule.left -= 1;
      rules = rules.filter((r) => r.left > 0);
      return rule.failure;
    },
  };
}

/** Token bucket per channel; `over` returns the seconds to wait when a call is over the limit. */
export function createChannelLimiter(limit: FakeSlackOptions['channelRateLimit']) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    over(call: FakeSlackCall): number | undefined {
      const channel = call.body.channel;
      if (!limit || typeof channel !== 'string' || channel === '') return undefined;
      const b = buckets.get(channel) ?? { tokens: limit.burst, at: call.at };
      b.tokens = Math.min(limit.burst, b.tokens + ((call.at - b.at) / 1000) * limit.perSecond);
      b.at = call.at;
      buckets.set(channel, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return undefined;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
    },
  };
}

/** Remembers each workspace's last Retry-After, to spot calls that came too early. */
export function createRetryAfterBook() {
  const until = new Map<string, number>();
  const keyOf = (call: FakeSlackCall) => call.teamId ?? call.token ?? '-';
  return {
    isEarly: (call: FakeSlackCall) => (until.get(keyOf(call)) ?? 0) > call.at,
    /** Answers 429 with Retry-After and records when the workspace may call again. */
    answer429(call: FakeSlackCall, res: ServerResponse, seconds: number): void {
      const key = keyOf(call);
      until.set(key, Math.max(call.at + seconds * 1000, until.get(key) ?? 0));
      call.result = 'rate_limited';
      send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
    },
  };
}

/** Applies an injected failure; false when the request should still be answered normally. */
export async function applyFailure(
  f: FakeSlackFailure,
  call: FakeSlackCall,
  res: ServerResponse,
  answer429: (call: FakeSlackCall, res: ServerResponse, seconds: number) => void,
): Promise<boolean> {
  if ('delayMs' in f || 'gate' in f) {
    await ('gate' in f ? f.gate.catch(() => {}) : new Promise((r) => setTimeout(r, f.delayMs)));
    return false;
  }
  if ('error' in f) {
    call.result = f.error;
    send(res, 200, { ok: false, error: f.error });
  } else if ('status' in f) {
    call.result = `http_${f.status}`;
    send(res, f.status, 'fake Slack failure');
  } else if ('rateLimit' in f) {
    answer429(call, res, f.rateLimit);
  } else if ('hang' in f) {
    call.result = 'hang';
  } else {
    call.result = 'refused';
    res.socket?.destroy();
  }
  return true;
}
