/**
 * Two workspaces on one app: a signature, a project, an install state or a token of one tenant
 * never acts on the other, and a workspace that uninstalled is never called again.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSotaPayload } from '../../../src/sota/signature.js';
import type { Hook } from '../../../src/store/types.js';
import { recordFigures, SECTIONS } from '../support/figures.js';
import { deployBody } from '../support/subscribed-app.js';
import {
  startTenants,
  type Tenants,
  WORKSPACE_A,
  WORKSPACE_B,
  type Workspace,
} from '../support/two-workspaces.js';

let x: Tenants;
let clock = Date.now();
const projects: Record<string, string> = {};

beforeEach(async () => {
  clock = Date.now();
  x = await startTenants({ start: { now: () => clock } });
  for (const slug of ['shared', 'alpha', 'beta']) projects[slug] = x.t.fakeSota.addProject({ name: slug }).id;
  for (const ws of [WORKSPACE_A, WORKSPACE_B]) {
    await x.install(ws);
    await x.connect(ws);
    await x.subscribe(ws, 'shared');
  }
  await x.subscribe(WORKSPACE_A, 'alpha');
  await x.subscribe(WORKSPACE_B, 'beta');
});
afterEach(async () => x.stop());

async function hookOf(ws: Workspace, slug: string): Promise<Hook> {
  const hook = await x.t.store.findHook(ws.teamId, projects[slug]!);
  if (!hook) throw new Error(`no hook for ${ws.name}/${slug}`);
  return hook;
}

const post = (hook: Hook, body: string, secret: string) => x.t.sendWebhook(hook.id, body, secret);
const chatCalls = () => x.fakeSlack.calls.filter((c) => c.method.startsWith('chat.'));

describe('tenancy', () => {
  it("a valid signature from A's hook, replayed to B's hook for the same project, is refused", async () => {
    const [a, b] = [await hookOf(WORKSPACE_A, 'shared'), await hookOf(WORKSPACE_B, 'shared')];
    expect(a.secret).not.toBe(b.secret);
    const body = deployBody(projects.shared!, randomUUID(), 'deploy.started');
    const signature = signSotaPayload(a.secret, body);
    const replayed = await x.t.sendWebhook(b.id, body, a.secret, { 'x-sota-signature': signature });
    expect(replayed.status).toBe(401);
    expect(await x.t.store.countEvents({ hookId: b.id })).toBe(0);
    expect((await post(a, body, a.secret)).status).toBe(202);
    await x.t.app.worker.drain(10_000);
    expect(x.fakeSlack.messagesIn(WORKSPACE_A.channelId)).toHaveLength(1);
    expect(x.fakeSlack.messagesIn(WORKSPACE_B.channelId)).toHaveLength(0);
    recordFigures(SECTIONS.tenancy, "A's signature replayed to B's hook", {
      status: replayed.status,
      'stored for B': 0,
      'posted in B': 0,
    });
  });

  it('an event for another project on a valid hook is refused, signed with either secret', async () => {
    const [alpha, beta] = [await hookOf(WORKSPACE_A, 'alpha'), await hookOf(WORKSPACE_B, 'beta')];
    const body = deployBody(projects.beta!, randomUUID(), 'deploy.started');
    const ownSecret = await post(alpha, body, alpha.secret);
    const otherSecret = await post(alpha, body, beta.secret);
    expect([ownSecret.status, otherSecret.status]).toEqual([400, 401]);
    expect(await x.t.store.countEvents()).toBe(0);
    await x.t.app.worker.drain(10_000);
    expect(chatCalls()).toEqual([]);
    recordFigures(SECTIONS.tenancy, "another project's event on a valid hook", {
      'own secret': ownSecret.status,
      "other tenant's secret": otherSecret.status,
      stored: 0,
    });
  });

  it("each workspace's events reach only its own channels, with its own bot token", async () => {
    for (const [ws, slug] of [
      [WORKSPACE_A, 'alpha'],
      [WORKSPACE_B, 'beta'],
      [WORKSPACE_A, 'shared'],
      [WORKSPACE_B, 'shared'],
    ] as const) {
      const hook = await hookOf(ws, slug);
      expect(
        (await post(hook, deployBody(projects[slug]!, randomUUID(), 'deploy.started'), hook.secret)).status,
      ).toBe(202);
    }
    await x.t.app.worker.drain(10_000);
    expect(x.fakeSlack.messagesIn(WORKSPACE_A.channelId)).toHaveLength(2);
    expect(x.fakeSlack.messagesIn(WORKSPACE_B.channelId)).toHaveLength(2);
    const tokenOfChannel = {
      [WORKSPACE_A.channelId]: WORKSPACE_A.botToken,
      [WORKSPACE_B.channelId]: WORKSPACE_B.botToken,
    };
    const wrong = chatCalls().filter((c) => tokenOfChannel[String(c.body.channel)] !== c.token);
    expect(wrong).toEqual([]);
    recordFigures(SECTIONS.tenancy, 'events per tenant, token per tenant', {
      'chat calls': chatCalls().length,
      'with the wrong token': wrong.length,
    });
  });

  it('an install state that is missing, reused by another workspace, forged or expired installs nothing', async () => {
    const exchangesBefore = x.fakeSlack.callsTo('oauth.v2.access').length;
    await x.t.store.forgetWorkspace(WORKSPACE_B.teamId);
    const used = await x.beginInstall();
    expect(
      (await x.finishInstall(`code=${WORKSPACE_A.code}&state=${used.state}`, used.cookie)).status,
    ).toBeLessThan(400);
    const statuses = [
      (await x.finishInstall(`code=${WORKSPACE_B.code}&state=${used.state}`, used.cookie)).status,
      (await x.finishInstall(`code=${WORKSPACE_B.code}`, (await x.beginInstall()).cookie)).status,
      (
        await x.finishInstall(
          `code=${WORKSPACE_B.code}&state=forged-state-0123456789`,
          'slack-app-oauth-state=forged-state-0123456789',
        )
      ).status,
    ];
    const late = await x.beginInstall();
    clock += 11 * 60_000;
    statuses.push(
      (await x.finishInstall(`code=${WORKSPACE_B.code}&state=${late.state}`, late.cookie)).status,
    );
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(x.fakeSlack.callsTo('oauth.v2.access')).toHaveLength(exchangesBefore + 1);
    expect(await x.t.store.getInstallation(WORKSPACE_B.teamId)).toBeUndefined();
    recordFigures(SECTIONS.tenancy, 'OAuth state reused / missing / forged / expired', {
      cases: statuses.length,
      'refused 400': statuses.filter((s) => s === 400).length,
      'code exchanges': 0,
    });
  });

  it('after A uninstalls, any event for A gets 410 and no Slack call, while B carries on', async () => {
    const [a, shared] = [await hookOf(WORKSPACE_A, 'alpha'), await hookOf(WORKSPACE_A, 'shared')];
    const res = await x.t.sendEvent({ type: 'app_uninstalled' }, { teamId: WORKSPACE_A.teamId });
    expect(res.status).toBe(200);
    await x.t.waitFor(async () => (await x.t.store.getInstallation(WORKSPACE_A.teamId)) === undefined);
    const callsBefore = x.fakeSlack.calls.length;
    const statuses = [];
    for (const [hook, slug] of [
      [a, 'alpha'],
      [shared, 'shared'],
    ] as const) {
      for (const event of ['deploy.started', 'deploy.succeeded', 'deploy.failed']) {
        statuses.push(
          (await post(hook, deployBody(projects[slug]!, randomUUID(), event), hook.secret)).status,
        );
      }
    }
    expect(new Set(statuses)).toEqual(new Set([410]));
    const command = await x.t.sendCommand('list', {
      teamId: WORKSPACE_A.teamId,
      channelId: WORKSPACE_A.channelId,
    });
    expect(command.status).toBe(401);
    const b = await hookOf(WORKSPACE_B, 'shared');
    expect(
      (await post(b, deployBody(projects.shared!, randomUUID(), 'deploy.started'), b.secret)).status,
    ).toBe(202);
    await x.t.app.worker.drain(10_000);
    const after = x.fakeSlack.calls.slice(callsBefore);
    expect(after.filter((c) => c.token === WORKSPACE_A.botToken)).toEqual([]);
    expect(after.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel)).toEqual([
      WORKSPACE_B.channelId,
    ]);
    recordFigures(SECTIONS.tenancy, 'uninstalled workspace, then its events', {
      'events sent': statuses.length,
      'answered 410': statuses.filter((s) => s === 410).length,
      "Slack calls with A's token": 0,
      'B still delivered': 1,
    });
  });
});
