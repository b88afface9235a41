import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
  t.fakeSota.addProject({ name: 'web' });
});
afterEach(async () => t.stop());

/**
 * Makes the real database refuse new hooks, as a full disk or a broken file would. The app's own
 * transactions may hold the write lock across an await, so this waits for it without blocking.
 */
async function refuseHookInserts(): Promise<void> {
  const db = new Database(join(t.dataDir, 'sota-slack.db'), { timeout: 0 });
  try {
    for (;;) {
      try {
        db.exec(
          `CREATE TRIGGER refuse_hooks BEFORE INSERT ON hooks BEGIN SELECT RAISE(ABORT, 'disk is full'); END;`,
        );
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    db.close();
  }
}

function logLines(message: string): Array<Record<string, unknown>> {
  return t.logs.filter((l) => l.includes(message)).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a local failure right after sota.io registered the webhook', () => {
  it('deletes the remote webhook again, logs it with its id, and answers that nothing changed', async () => {
    await refuseHookInserts();
    const answer = await runCommand(t, 'subscribe web');

    expect(answer.text).toContain('Something went wrong on my side and nothing was changed');
    const created = t.fakeSota.requests.filter((r) => r.method === 'POST');
    const deleted = t.fakeSota.requests.filter((r) => r.method === 'DELETE');
    expect(created).toHaveLength(1);
    expect(deleted).toHaveLength(1);
    expect(t.fakeSota.webhooks).toEqual([]);
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
    const [line] = logLines('unrecorded webhook removed');
    expect(line?.sotaWebhookId).toBe(deleted[0]?.path.split('/').at(-1));
  });

  it('when sota.io cannot delete it, logs an error with the webhook id to delete by hand', async () => {
    t.fakeSota.deleteWebhookStatus = 405;
    await refuseHookInserts();
    await runCommand(t, 'subscribe web');

    const [remaining] = t.fakeSota.webhooks;
    const [line] = logLines('could not be recorded or deleted');
    expect(line).toMatchObject({ level: 50, sotaWebhookId: remaining?.id, outcome: 'unsupported' });
    expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
  });
});
