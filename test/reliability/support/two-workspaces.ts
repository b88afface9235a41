/**
 * The real app in multi-workspace mode with two workspaces, A and B, installed through the OAuth
 * flow, each with its own bot token and its own sota.io key (connected through the modal). Used to
 * show that nothing of one tenant reaches the other.
 */
import { expect } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../../helpers/test-app.js';
import { runCommand } from '../../slack/slack-test-kit.js';

export interface Workspace {
  name: 'A' | 'B';
  teamId: string;
  botToken: string;
  apiKey: string;
  channelId: string;
  code: string;
}

export const WORKSPACE_A: Workspace = {
  name: 'A',
  teamId: 'T0TENANTA',
  botToken: 'xoxb-tenant-a-bot-token-7f3e9a2c41d8',
  apiKey: 'sota_tenantA0key0000000000000000000000000001',
  channelId: 'C0ALPHA',
  code: 'oauth-code-a',
};
export const WORKSPACE_B: Workspace = {
  name: 'B',
  teamId: 'T0TENANTB',
  botToken: 'xoxb-tenant-b-bot-token-0b5d6e8f92a7',
  apiKey: 'sota_tenantB0key0000000000000000000000000002',
  channelId: 'C0BETA',
  code: 'oauth-code-b',
};
export const CLIENT_SECRET = 'client-secret-xyz';
export const STATE_SECRET = 'state-secret-xyz';

function oauthAnswer(params: Record<string, unknown>): Record<string, unknown> {
  const ws = params.code === WORKSPACE_B.code ? WORKSPACE_B : WORKSPACE_A;
  return {
    access_token: ws.botToken,
    token_type: 'bot',
    scope: 'chat:write,commands',
    bot_user_id: `UBOT${ws.name}`,
    app_id: 'A0APP',
    team: { id: ws.teamId, name: `Tenant ${ws.name}` },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: `U0USER${ws.name}` },
  };
}

export interface Tenants {
  t: TestApp;
  fakeSlack: FakeSlack;
  /** Starts an install: the state in Slack's authorize URL and the cookie set with it. */
  beginInstall(): Promise<{ state: string; cookie: string }>;
  finishInstall(query: string, cookie?: string): Promise<Response>;
  install(ws: Workspace): Promise<void>;
  connect(ws: Workspace): Promise<void>;
  subscribe(ws: Workspace, slug: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTenants(options: TestAppOptions = {}): Promise<Tenants> {
  const fakeSlack = await startFakeSlack({ oauthAccess: oauthAnswer });
  const t = await startTestApp({
    mode: 'multi',
    fakeSlack,
    ...options,
    env: { SOTA_API_TOKEN: '', ...options.env },
  });
  const tenants: Tenants = {
    t,
    fakeSlack,
    async beginInstall() {
      const res = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
      const state = new URL(res.headers.get('location') ?? '').searchParams.get('state') ?? '';
      return { state, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    },
    finishInstall: (query, cookie) =>
      fetch(`${t.url}/slack/oauth_redirect?${query}`, {
        redirect: 'manual',
        headers: cookie ? { cookie } : {},
      }),
    async install(ws) {
      const { state, cookie } = await tenants.beginInstall();
      const done = await tenants.finishInstall(`code=${ws.code}&state=${state}`, cookie);
      expect(done.status).toBeLessThan(400);
      expect((await t.store.getInstallation(ws.teamId))?.botToken).toBe(ws.botToken);
    },
    async connect(ws) {
      t.fakeSota.tokens.add(ws.apiKey);
      const res = await t.sendInteraction(connectSubmission(ws));
      expect(res.status).toBe(200);
      expect((await t.store.getApiKey(ws.teamId))?.apiKey).toBe(ws.apiKey);
    },
    async subscribe(ws, slug) {
      const answer = await runCommand(t, `subscribe ${slug}`, { teamId: ws.teamId, channelId: ws.channelId });
      expect(answer.response_type).toBe('ephemeral');
    },
    async stop() {
      await t.stop();
      await fakeSlack.close();
    },
  };
  return tenants;
}

function connectSubmission(ws: Workspace): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: ws.teamId },
    user: { id: `U0USER${ws.name}`, team_id: ws.teamId },
    view: {
      id: `V0${ws.name}`,
      team_id: ws.teamId,
      callback_id: 'sota_connect',
      private_metadata: '',
      state: { values: { sota_api_key: { api_key: { type: 'plain_text_input', value: ws.apiKey } } } },
    },
  };
}
