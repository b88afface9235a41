/**
 * A small crash drill inside `npm test`: the app runs as a child process on a SQLite file and is
 * killed with SIGKILL three times while webhooks arrive and Slack is slow. Every webhook is sent
 * until acknowledged; afterwards every acknowledged event shows in Slack and the queue is empty.
 */
import { describe, expect, it } from 'vitest';
import { crashFigures } from '../support/crash-figures.js';
import { runCrash } from '../support/crash-run.js';
import { recordFigures, SECTIONS } from '../support/figures.js';
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
      drainTimeoutMs: 90_000,
    });
    const leaked = secretsIn(r.logLines.join('\n'), r.secrets);
    recordFigures(
      SECTIONS.crash,
      'SQLite, small (inside npm test)',
      crashFigures(r, 'SIGKILL', leaked.length),
    );
    expect(r.sender.acked).toBe(100);
    expect(r.audit.missing).toBe(0);
    expect(r.audit.lostEvents).toBe(0);
    expect(r.queueDepthAfter).toBe(0);
    expect(r.storedEvents).toBe(100);
    expect(leaked).toEqual([]);
  }, 180_000);
});
