/**
 * Recovery after a crash, with the worker's production settings (10 s lease, heartbeat, 1 s pace):
 * on SQLite, the time from restarting a killed instance to its first delivery; on PostgreSQL, the
 * time from one instance's death to another instance taking over its delivery.
 */
import { randomUUID } from 'node:crypto';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack.js';
import { type FakeSota, startFakeSota } from '../../fakes/fake-sota.js';
import { TEST_BOT_TOKEN, TEST_SOTA_TOKEN, TEST_TEAM, waitFor } from '../../helpers/test-app.js';
import { deployEvent } from '../../scale/cluster.js';
import { type AppChild, spawnAppChild } from './app-child.js';
import { childEnvFor, subscribeAll } from './drill-setup.js';
import { createTestStorage, type StoreKind, type TestStorage } from './test-stores.js';
import { sendUntilAcked } from './webhook-sender.js';

export interface RecoveryRound {
  /** SQLite: spawn of the new process → its /readyz answering 200. PostgreSQL: 0. */
  readyMs: number;
  /** SQLite: spawn of the new process → its first delivery. PostgreSQL: the instance's death → the survivor's first delivery. */
  resumeMs: number;
  /** Slack calls for the round's deployment by anyone but the holder, while the holder lived. */
  callsWhileHeld: number;
}

export interface RecoveryResult {
  rounds: RecoveryRound[];
  /** Top-level messages of each deployment sent, one entry per deployment and channel. */
  postsPerMessage: number[];
}

interface Fixture {
  fakeSlack: FakeSlack;
  fakeSota: FakeSota;
  storage: TestStorage;
  env: Record<string, string>;
  hook: { hookId: string; secret: string; projectId: string; channels: string[] };
  logs: string[];
}

/** After the heartbeat's first renewal (3.3 s) and before the Slack client's timeout (10 s). */
const HOLD_BEFORE_KILL_MS = 7000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const posts = (f: Fixture) => f.fakeSlack.calls.filter((c) => c.method === 'chat.postMessage');

async function prepare(store: StoreKind, pgUrl: string | undefined): Promise<Fixture> {
  const fakeSlack = await startFakeSlack({
    tokens: { [TEST_BOT_TOKEN]: { teamId: TEST_TEAM, userId: 'UBOT', botId: 'BBOT' } },
  });
  const fakeSota = await startFakeSota({ tokens: [TEST_SOTA_TOKEN] });
  const storage = await createTestStorage(store, pgUrl);
  const [p] = await subscribeAll({ projects: 1, channelsPerProject: 1 }, fakeSlack, fakeSota, storage);
  const env = childEnvFor(storage, fakeSlack, fakeSota, {});
  const hook = { hookId: p!.hookId, secret: p!.secret, projectId: p!.project.id, channels: p!.channels };
  return { fakeSlack, fakeSota, storage, env, hook, logs: [] };
}

/** Sends a new deployment's started event to `app` and waits until its Slack call hangs there. */
async function hangOneDelivery(f: Fixture, app: AppChild): Promise<void> {
  const before = f.fakeSlack.calls.length;
  const body = deployEvent(f.hook.projectId, randomUUID(), 'deploy.started').body;
  await sendUntilAcked([{ hookId: f.hook.hookId, secret: f.hook.secret, body }], {
    target: () => app.url,
    intervalMs: 0,
    maxInFlight: 1,
    timeoutMs: 5000,
  });
  await waitFor(() => f.fakeSlack.calls.slice(before).some((c) => c.result === 'hang'), 30_000);
}

async function firstDeliveryAfter(f: Fixture, from: number): Promise<number> {
  const at = await waitFor(() => posts(f).find((c) => c.result === 'ok' && c.at >= from)?.at, 60_000);
  return at - from;
}

async function readyAfterSpawn(f: Fixture): Promise<{ app: AppChild; readyAt: number; spawnedAt: number }> {
  const spawnedAt = Date.now();
  const app = await spawnAppChild(f.env, f.logs);
  await waitFor(async () => (await fetch(`${app.url}/readyz`)).status === 200, 10_000);
  return { app, readyAt: Date.now(), spawnedAt };
}

function postsPerMessage(f: Fixture): number[] {
  const counts = new Map<string, number>();
  for (const c of posts(f).filter((c) => c.result === 'ok' && c.body.thread_ts === undefined)) {
    const key = `${String(c.body.channel)} ${JSON.stringify(c.body.metadata)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
}

/** SQLite: hang a delivery, SIGKILL, bring Slack back, restart; time restart → ready → first delivery. */
async function sqliteRound(f: Fixture): Promise<RecoveryRound> {
  const { app: doomed } = await readyAfterSpawn(f);
  const endHang = f.fakeSlack.failWhile('chat.postMessage', { hang: true });
  await hangOneDelivery(f, doomed);
  await doomed.kill();
  endHang();
  const { app, readyAt, spawnedAt } = await readyAfterSpawn(f);
  const resumeMs = await firstDeliveryAfter(f, spawnedAt);
  await app.stop();
  return { readyMs: readyAt - spawnedAt, resumeMs, callsWhileHeld: 0 };
}

/**
 * PostgreSQL: one instance hangs in a delivery while another runs beside it, until at least one
 * heartbeat renewed the lease (and before the Slack client's own 10 s timeout would end the call);
 * then the first is killed. Times the takeover.
 */
async function postgresRound(f: Fixture): Promise<RecoveryRound> {
  const { app: doomed } = await readyAfterSpawn(f);
  const endHang = f.fakeSlack.failWhile('chat.postMessage', { hang: true });
  await hangOneDelivery(f, doomed);
  const hungAt = Date.now();
  const held = posts(f).length;
  const { app: survivor } = await readyAfterSpawn(f);
  await sleep(Math.max(0, hungAt + HOLD_BEFORE_KILL_MS - Date.now()));
  const callsWhileHeld = posts(f).length - held;
  endHang();
  const diedAt = Date.now();
  await doomed.kill();
  const resumeMs = await firstDeliveryAfter(f, diedAt);
  await survivor.stop();
  return { readyMs: 0, resumeMs, callsWhileHeld };
}

export async function runRecovery(o: {
  store: StoreKind;
  pgUrl?: string;
  rounds: number;
}): Promise<RecoveryResult> {
  const f = await prepare(o.store, o.pgUrl);
  try {
    const rounds: RecoveryRound[] = [];
    for (let i = 0; i < o.rounds; i++) {
      rounds.push(await (o.store === 'sqlite' ? sqliteRound(f) : postgresRound(f)));
    }
    return { rounds, postsPerMessage: postsPerMessage(f) };
  } finally {
    await f.fakeSlack.close();
    await f.fakeSota.close();
    await f.storage.drop();
  }
}
