/**
 * `link_shared` → `chat.unfurl`: a `https://<slug>.sota.io` link shows the project's live deployment
 * and last failure when the workspace follows it — and never a project it does not follow, nor one
 * that only another workspace follows.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import {
  startTenants,
  type Tenants,
  WORKSPACE_A,
  WORKSPACE_B,
} from '../reliability/support/two-workspaces.js';
import { createClock, deploy, followedApp, send } from './signal-kit.js';

let apps: TestApp[] = [];
let tenants: Tenants | undefined;

afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
  await tenants?.stop();
  tenants = undefined;
});

const linkShared = (url: string) => ({
  type: 'link_shared',
  channel: 'C0CHAT',
  user: 'U0USER',
  message_ts: '1700000000.000100',
  links: [{ domain: 'sota.io', url }],
});

const unfurlsOf = (t: TestApp) =>
  t.fakeSlack.callsTo('chat.unfurl').map((c) => {
    const raw = c.body.unfurls;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, { blocks: unknown[] }>;
  });

describe('link unfurls', () => {
  it('unfurls a followed project with its live deployment and its last failure', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    await deploy(f, clock, 'failed', 30_000);
    const live = await deploy(f, clock, 'succeeded', 125_000);
    await send(f, clock, randomUUID(), 'deploy.started');

    expect((await f.t.sendEvent(linkShared('https://shop.sota.io/pricing'))).status).toBe(200);
    await f.t.waitFor(() => unfurlsOf(f.t).length === 1);
    const [call] = f.t.fakeSlack.callsTo('chat.unfurl');
    expect(call?.body).toMatchObject({ channel: 'C0CHAT', ts: '1700000000.000100' });
    const text = JSON.stringify(unfurlsOf(f.t)[0]?.['https://shop.sota.io/pricing']);
    expect(text).toContain('Shop Frontend');
    expect(text).toContain(`Live: deployment \`${live.slice(0, 8)}\``);
    expect(text).toContain('(took 2 m 5 s)');
    expect(text).toContain('Last failure');
    expect(text).toContain('npm run build exited 1');
    expect(text).toContain('Deploying');
  });

  it('Slack failing chat.unfurl: the log names Slack, the call and how it failed', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    f.t.fakeSlack.failNext('chat.unfurl', { refuse: true });
    expect((await f.t.sendEvent(linkShared('https://shop.sota.io'))).status).toBe(200);
    const line = await f.t.waitFor(() =>
      f.t.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'could not unfurl a sota.io link'),
    );
    expect(line).toMatchObject({ service: 'Slack', method: 'chat.unfurl', code: 'request_error' });
    expect(line?.failure).toBe('reset');
  });

  it('leaves a link to a project the workspace does not follow alone', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    f.t.fakeSota.addProject({ name: 'Other', slug: 'other' });
    await f.t.sendEvent(linkShared('https://other.sota.io'));
    await f.t.sendEvent(linkShared('https://shop.example.com'));
    await f.t.sendEvent(linkShared('https://evil.shop.sota.io'));
    await f.t.sendEvent(linkShared('https://shop.sota.io'));
    await f.t.waitFor(() => unfurlsOf(f.t).length === 1);
    expect(Object.keys(unfurlsOf(f.t)[0] ?? {})).toEqual(['https://shop.sota.io']);
  });

  it('never unfurls a project that only another workspace follows', async () => {
    tenants = await startTenants();
    for (const ws of [WORKSPACE_A, WORKSPACE_B]) {
      await tenants.install(ws);
      await tenants.connect(ws);
    }
    tenants.t.fakeSota.addProject({ name: 'Secret App', slug: 'secret-app' });
    tenants.t.fakeSota.addProject({ name: 'Open App', slug: 'open-app' });
    await tenants.subscribe(WORKSPACE_B, 'secret-app');
    await tenants.subscribe(WORKSPACE_A, 'open-app');
    const fromA = await tenants.t.sendEvent(linkShared('https://secret-app.sota.io'), {
      teamId: WORKSPACE_A.teamId,
    });
    expect(fromA.status).toBe(200);
    await tenants.t.sendEvent(linkShared('https://open-app.sota.io'), { teamId: WORKSPACE_A.teamId });
    await tenants.t.waitFor(() => unfurlsOf(tenants!.t).length === 1);
    const [call] = tenants.t.fakeSlack.callsTo('chat.unfurl');
    expect(call?.token).toBe(WORKSPACE_A.botToken);
    expect(JSON.stringify(call?.body)).not.toContain('Secret App');
    expect(Object.keys(unfurlsOf(tenants.t)[0] ?? {})).toEqual(['https://open-app.sota.io']);
  });
});
