/**
 * Baseline (c): the durable limit of this machine for the webhook — the bare node:http route of
 * baseline (a) plus better-sqlite3 in WAL with synchronous=FULL and group commit: every request that
 * arrived in one event-loop turn is inserted in one transaction (one row per request), and only then
 * answered 202. Prints `{"port":N}` once listening on 127.0.0.1. BENCH_DB names the SQLite file.
 */
import type { ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { accept, createBareRoute, listenOnLoopback } from './bare-route.js';

const db = new Database(process.env.BENCH_DB ?? 'durable-peer.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, deployment_id TEXT NOT NULL, event TEXT NOT NULL,
  received_at INTEGER NOT NULL, payload TEXT NOT NULL)`);
const insert = db.prepare(
  'INSERT INTO events (deployment_id, event, received_at, payload) VALUES (?, ?, ?, ?)',
);

interface Pending {
  row: [string, string, number, string];
  res: ServerResponse;
}
let batch: Pending[] = [];
const insertAll = db.transaction((rows: Pending[]) => {
  for (const p of rows) insert.run(p.row);
});

/** Commits everything that arrived in this event-loop turn, then answers each request. */
function flush(): void {
  const done = batch;
  batch = [];
  try {
    insertAll(done);
  } catch {
    for (const p of done) p.res.writeHead(503, { 'content-length': '0' }).end();
    return;
  }
  for (const p of done) accept(p.res);
}

const server = createBareRoute(process.env.BENCH_SECRET ?? '', (event, text, res) => {
  if (batch.length === 0) setImmediate(flush);
  batch.push({ row: [String(event.deployment_id), String(event.event), Date.now(), text], res });
});
listenOnLoopback(server, () => db.close());
