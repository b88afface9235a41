import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/crypto/secret-box.js';
import { createLostRegistrations } from '../../src/slack/hooks/lost-registrations.js';
import { createSotaClient } from '../../src/sota/client.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { type FakeSota, startFakeSota } from '../fakes/fake-sota.js';
import { createCapturedLogger } from '../helpers/capture-logs.js';
import { waitFor } from '../helpers/test-app.js';

const TOKEN = 'sota_lost_registrations_test_token';
const BASE = 'https://app.example.test/webhooks/sota';
let sota: FakeSota;
let store: Store;
let dir: string;

beforeEach(async () => {
  sota = await startFakeSota({ tokens: [TOKEN] });
  dir = mkdtempSync(join(tmpdir(), 'sota-lost-'));
  store = createSqliteStore({ path: join(dir, 'db.sqlite'), secretBox: createSecretBox(randomBytes(32)) });
  await store.migrate();
});
afterEach(async () => {
  await store.close();
  await sota.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lost webhook registrations', () => {
  it('deletes the webhook sota.io registered for a hook id we never stored, and nothing else', async () => {
    const project = sota.addProject({ name: 'web' });
    const client = createSotaClient({ baseUrl: sota.url, token: TOKEN });
    const lostOne = await client.createWebhook(project.id, `${BASE}/lost-hook`, ['deploy.started']);
    const other = await client.createWebhook(project.id, `${BASE}/someone-elses-hook`, ['deploy.started']);
    const { logger, lines } = createCapturedLogger();
    const lost = createLostRegistrations({ store, logger, delaysMs: [20] });
    lost.add(project.id, 'lost-hook', client);
    // The fake drops the webhook before its answer reaches the client: wait for both.
    await waitFor(() => !sota.webhooks.some((w) => w.id === lostOne.id) && lost.pending().length === 0);
    expect(sota.webhooks.map((w) => w.id)).toEqual([other.id]);
    expect(lost.pending()).toEqual([]);
    expect(lines.join('\n')).toContain('webhook from a lost registration removed');
    expect(lines.join('\n')).not.toContain(lostOne.secret);
  });

  it('sweeps at once before the project is registered again, and keeps a webhook that was recorded', async () => {
    const project = sota.addProject({ name: 'api' });
    const client = createSotaClient({ baseUrl: sota.url, token: TOKEN });
    const recorded = await client.createWebhook(project.id, `${BASE}/recorded-hook`, ['deploy.started']);
    await store.insertHook({
      id: 'recorded-hook',
      teamId: 'T1',
      projectId: project.id,
      projectName: 'api',
      projectSlug: 'api',
      sotaWebhookId: recorded.id,
      secret: recorded.secret,
    });
    await client.createWebhook(project.id, `${BASE}/late-hook`, ['deploy.started']);
    const { logger } = createCapturedLogger();
    const lost = createLostRegistrations({ store, logger, delaysMs: [] });
    lost.add(project.id, 'recorded-hook', client);
    lost.add(project.id, 'late-hook', client);
    await lost.sweep(project.id);
    expect(sota.webhooks.map((w) => w.url)).toEqual([`${BASE}/recorded-hook`]);
    expect(lost.pending()).toEqual([]);
  });

  it('keeps looking while sota.io cannot list webhooks', async () => {
    const project = sota.addProject({ name: 'svc' });
    const client = createSotaClient({ baseUrl: sota.url, token: TOKEN });
    await client.createWebhook(project.id, `${BASE}/flaky-hook`, ['deploy.started']);
    sota.failNext('GET /v1/projects/:id/webhooks', { kind: 'status', status: 503 });
    const { logger } = createCapturedLogger();
    const lost = createLostRegistrations({ store, logger, delaysMs: [] });
    lost.add(project.id, 'flaky-hook', client);
    await lost.sweep(project.id);
    expect(lost.pending()).toEqual(['flaky-hook']);
    await lost.sweep(project.id);
    expect(sota.webhooks).toEqual([]);
  });
});
