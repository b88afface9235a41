/**
 * Recovery in seconds: SQLite restart after SIGKILL → first delivery; PostgreSQL instance death →
 * takeover by another instance; both with the worker's production lease, heartbeat and pace.
 */
import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { needsPostgres, TEST_DATABASE_URL } from '../../scale/pg-schema.js';
import { ms, percentile, recordFigures, SECTIONS } from '../support/figures.js';
import { type RecoveryResult, runRecovery } from '../support/recovery-run.js';

const ROUNDS = { sqlite: 5, postgres: 3 };

const load = () => Number(loadavg()[0]?.toFixed(1));

function sqliteFigures(r: RecoveryResult, loadAtStart: number) {
  const ready = r.rounds.map((x) => x.readyMs);
  const resume = r.rounds.map((x) => x.resumeMs);
  return {
    rounds: r.rounds.length,
    'restart → /readyz p50 ms': ms(percentile(ready, 50)),
    'restart → first delivery p50 ms': ms(percentile(resume, 50)),
    'first delivery after /readyz, worst ms': ms(Math.max(...r.rounds.map((x) => x.resumeMs - x.readyMs))),
    'duplicate posts': r.postsPerMessage.reduce((n, count) => n + count - 1, 0),
    'load average at start': loadAtStart,
  };
}

function postgresFigures(r: RecoveryResult, loadAtStart: number) {
  const resume = r.rounds.map((x) => x.resumeMs);
  return {
    rounds: r.rounds.length,
    'kill → takeover delivery p50 ms': ms(percentile(resume, 50)),
    'kill → takeover delivery max ms': ms(Math.max(...resume)),
    'calls by the other instance while the holder lived': r.rounds.reduce((n, x) => n + x.callsWhileHeld, 0),
    'duplicate posts': r.postsPerMessage.reduce((n, count) => n + count - 1, 0),
    'load average at start': loadAtStart,
  };
}

describe('recovery after a crash', () => {
  it('SQLite: the restarted process delivers what the killed one held within 5 s of /readyz', async () => {
    const loadAtStart = load();
    const r = await runRecovery({ store: 'sqlite', rounds: ROUNDS.sqlite });
    recordFigures(
      SECTIONS.recovery,
      'SQLite: SIGKILL during a Slack call, restart',
      sqliteFigures(r, loadAtStart),
    );
    for (const round of r.rounds) expect(round.resumeMs - round.readyMs).toBeLessThan(5000);
    expect(r.postsPerMessage).toEqual(Array(ROUNDS.sqlite).fill(1));
  }, 300_000);

  it('PostgreSQL: another instance takes over a dead instance’s delivery within 15 s', {
    ...needsPostgres,
    timeout: 300_000,
  }, async () => {
    const loadAtStart = load();
    const r = await runRecovery({ store: 'postgres', pgUrl: TEST_DATABASE_URL, rounds: ROUNDS.postgres });
    recordFigures(
      SECTIONS.recovery,
      'PostgreSQL: SIGKILL of the instance holding a delivery',
      postgresFigures(r, loadAtStart),
    );
    for (const round of r.rounds) expect(round.resumeMs).toBeLessThan(15_000);
    expect(r.rounds.every((round) => round.callsWhileHeld === 0)).toBe(true);
    expect(r.postsPerMessage).toEqual(Array(ROUNDS.postgres).fill(1));
  });
});
