/**
 * A small crash drill inside `npm test`: the app runs as a child process on a SQLite file and is
 * killed with SIGKILL three times while webhooks arrive and Slack is slow. Every webhook is sent
 * until acknowledged; afterwards every acknowledged event shows in Slack and the queue is empty.
 */
import { describe, expect, it } from 'vitest';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET, TEST_SOTA_TOKEN } from '../../helpers/test-app.js';
import { runCrash } from '../support/crash-run.js';
import { percentile, recordFigures, SECTIONS } from '../support/figures.js';
import { secretsIn } from '../support/leak-checks.js';

describe('SIGKILL while webhooks arrive (small)', () => {
  it('loses nothing that was acknowledged', async () => {
    const r = await runCrash({
      store: 'sqlite',
      deployments: 50,
      projects: 2,
      channelsPerProject: 2,
      kills: 3,
      killAfterMs: [300, 900],
      slackDelayMs: 20,
      sendIntervalMs: 15,
      drainTimeoutMs: 30_000,
    });
    expect(r.sender.acked).toBe(100);
    expect(r.audit.missing).toBe(0);
    expect(r.audit.lostEvents).toBe(0);
    expect(r.queueDepthAfter).toBe(0);
    expect(r.storedEvents).toBe(100);
    expect(secretsIn(r.logLines.join('\n'), [TEST_BOT_TOKEN, TEST_SIGNING_SECRET, TEST_SOTA_TOKEN])).toEqual(
      [],
    );
    recordFigures(SECTIONS.crash, 'SQLite, small (inside npm test)', {
      webhooks: r.sender.deliveries,
      kills: r.kills,
      'send attempts': r.sender.attempts,
      acked: r.sender.acked,
      'acked as duplicate': r.sender.ackedAsDuplicate,
      'channel messages': r.audit.pairs,
      delivered: r.audit.delivered,
      lost: r.audit.lostEvents,
      'duplicate posts': r.audit.duplicatePosts,
      'duplicate replies': r.audit.duplicateReplies,
      'Slack calls cut': r.cutSlackCalls,
      'ack p99 ms': Math.round(percentile(r.sender.ackLatenciesMs, 99)),
      'drain ms': r.drainMs,
    });
  }, 60_000);
});
