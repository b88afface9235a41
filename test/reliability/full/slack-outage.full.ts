/**
 * Slack down and slow while webhooks keep arriving: refused connections, 503s and calls hanging
 * for 10 s (every channel) and for 60 s (one channel, while the others keep working).
 */
import { describe, expect, it } from 'vitest';
import type { FakeSlackFailure } from '../../fakes/fake-slack.js';
import { COLUMNS, percentile, recordFigures, SECTIONS } from '../support/figures.js';
import { channelName, type OutageOptions, runOutage } from '../support/outage-run.js';

const CHANNELS = 8;

const CASES: Array<[string, FakeSlackFailure, number, string | undefined]> = [
  ['connection refused, 10 s', { refuse: true }, 10_000, undefined],
  ['HTTP 503, 10 s', { status: 503 }, 10_000, undefined],
  ['every call hangs, 10 s', { hang: true }, 10_000, undefined],
  ['one channel hangs, 60 s', { hang: true }, 60_000, channelName(0)],
];

describe('Slack down and slow', () => {
  it.each(CASES)(
    '%s: webhooks answered, calls bounded, everything delivered after',
    async (name, failure, outageMs, failingChannel) => {
      const options: OutageOptions = {
        failure,
        outageMs,
        channels: CHANNELS,
        webhooksPerSecond: 4,
        tailMs: 4000,
        drainTimeoutMs: 150_000,
        ...(failingChannel ? { failingChannel } : {}),
      };
      const r = await runOutage(options);
      const lat = r.sender.ackLatenciesMs;
      recordFigures(SECTIONS.slackOutage, name, {
        webhooks: r.sender.deliveries,
        acked: r.sender.acked,
        'ack p50 ms': Math.round(percentile(lat, 50)),
        'ack p99 ms': Math.round(percentile(lat, 99)),
        'ack max ms': Math.round(Math.max(...lat)),
        'chat calls in outage': r.callsDuringOutage,
        'max calls/s in outage': r.maxCallsPerSecond,
        'channel messages': r.audit.pairs,
        delivered: r.audit.delivered,
        [COLUMNS.lost]: r.audit.lostEvents,
        [COLUMNS.duplicatePosts]: r.audit.duplicatePosts,
        'all delivered after recovery ms': r.recoveryMs,
        'other channels p99 ms': r.otherChannelsP99Ms === undefined ? '–' : Math.round(r.otherChannelsP99Ms),
        [COLUMNS.secretsFound]: r.logSecretsFound,
      });
      expect(r.sender.acked).toBe(r.sender.deliveries);
      expect(r.sender.failedAttempts).toBe(0);
      expect(r.audit.missing).toBe(0);
      expect(r.audit.duplicatePosts).toBe(0);
      expect(r.maxCallsPerSecond).toBeLessThanOrEqual(2 * CHANNELS);
      expect(r.otherChannelsHeldUp).toBe(0);
      expect(r.logSecretsFound).toBe(0);
    },
    400_000,
  );
});
