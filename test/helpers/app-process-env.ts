import { join } from 'node:path';
import { signSotaPayload } from '../../src/sota/signature.js';
import {
  TEST_BOT_TOKEN,
  TEST_PUBLIC_URL,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
  type TestApp,
} from './test-app.js';

/** The environment for the app run as its own process on a test app's data, fakes and settings. */
export function appProcessEnv(t: TestApp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: `${t.fakeSlack.url}/api/`,
    SOTA_API_URL: t.fakeSota.url,
    SOTA_API_TOKEN: TEST_SOTA_TOKEN,
    PUBLIC_URL: TEST_PUBLIC_URL,
    DATABASE_URL: `file:${join(t.dataDir, 'sota-slack.db')}`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** Sends a signed `deploy.started` of `deploymentId` to an app process at `baseUrl`; returns the status. */
export async function sendStarted(
  baseUrl: string,
  webhook: { url: string; secret: string },
  projectId: string,
  deploymentId: string,
): Promise<number> {
  const body = JSON.stringify({
    event: 'deploy.started',
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: new Date().toISOString(),
    data: {},
  });
  const res = await fetch(`${baseUrl}/webhooks/sota/${webhook.url.slice(webhook.url.lastIndexOf('/') + 1)}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-sota-signature': signSotaPayload(webhook.secret, body),
    },
  });
  await res.arrayBuffer();
  return res.status;
}
