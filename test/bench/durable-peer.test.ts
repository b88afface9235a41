import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTsServer } from '../../bench/app/app-process.js';
import { runLoad } from '../../bench/load/load-generator.js';
import { onceEach, uniqueStartedRequests } from '../../bench/load/webhook-requests.js';
import type { ServerProcess } from '../../bench/support/server-process.js';

const SECRET = 'whsec_durable_peer_test';
let peer: ServerProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  await peer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  peer = undefined;
  dir = undefined;
});

describe('the durable peer of the ingest benchmark', () => {
  it('answers 202 only for correctly signed requests and has one row in its WAL database for each 202', async () => {
    dir = mkdtempSync(join(tmpdir(), 'durable-peer-'));
    const file = join(dir, 'peer.db');
    peer = await startTsServer('baselines/durable-server.ts', { BENCH_SECRET: SECRET, BENCH_DB: file });
    const hook = { hookId: 'peer', secret: SECRET, projectId: 'p1' };
    const good = uniqueStartedRequests(hook, 200);
    const forged = uniqueStartedRequests({ ...hook, secret: 'whsec_other' }, 20);
    const load = await runLoad({
      host: '127.0.0.1',
      port: peer.port,
      connections: 16,
      warmupMs: 0,
      next: onceEach([...good, ...forged]).next,
    });
    expect(load.statuses).toEqual({ 202: 200, 401: 20 });
    const db = new Database(file, { readonly: true });
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(200);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
