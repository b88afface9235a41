/**
 * The crash drill at full size: 1,000 webhooks while Slack is slow, the app killed with SIGKILL at
 * twenty random moments and restarted on the same store, on SQLite and on PostgreSQL; and the same
 * with graceful restarts (SIGTERM), as a deploy does them.
 */
import { describe, expect, it } from 'vitest';
import { needsPostgres, TEST_DATABASE_URL } from '../../scale/pg-schema.js';
import { crashFigures } from '../support/crash-figures.js';
import { runCrash } from '../support/crash-run.js';
import { recordFigures, SECTIONS } from '../support/figures.js';
import { secretsIn } from '../support/leak-checks.js';
import type { StoreKind } from '../support/test-stores.js';

async function drill(store: StoreKind, signal: 'SIGKILL' | 'SIGTERM') {
  const r = await runCrash({
    store,
    signal,
    ...(TEST_DATABASE_URL ? { pgUrl: TEST_DATABASE_URL } : {}),
    deployments: 500,
    projects: 5,
    channelsPerProject: 2,
    kills: 20,
    killAfterMs: [400, 2500],
    slackDelayMs: 50,
    sendIntervalMs: 25,
    drainTimeoutMs: 180_000,
  });
  const leaked = secretsIn(r.logLines.join('\n'), r.secrets);
  const name = `${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}${signal === 'SIGTERM' ? ', graceful restarts' : ''}`;
  recordFigures(SECTIONS.crash, name, crashFigures(r, signal, leaked.length));
  expect(r.sender.acked).toBe(1000);
  expect(r.audit.missing).toBe(0);
  expect(r.audit.lostEvents).toBe(0);
  expect(r.queueDepthAfter).toBe(0);
  expect(r.storedEvents).toBe(1000);
  expect(leaked).toEqual([]);
  return r;
}

describe('crash: 1,000 webhooks, 20 restarts, slow Slack', () => {
  it('SQLite, SIGKILL: nothing acknowledged is lost', () => drill('sqlite', 'SIGKILL'), 600_000);

  it('SQLite, SIGTERM: nothing lost and nothing posted twice', async () => {
    const r = await drill('sqlite', 'SIGTERM');
    expect(r.audit.duplicatePosts).toBe(0);
    expect(r.audit.duplicateReplies).toBe(0);
  }, 600_000);

  it('PostgreSQL, SIGKILL: nothing acknowledged is lost', { ...needsPostgres, timeout: 600_000 }, () =>
    drill('postgres', 'SIGKILL'),
  );
});
