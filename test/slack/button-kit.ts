import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { TEST_TEAM, type TestApp } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from './slack-test-kit.js';

export const CHANNEL = 'C0DEPLOYS';

/** A block_actions payload as Slack sends it when a member presses one of a message's buttons. */
export function buttonPress(input: {
  actionId: string;
  projectId: string;
  deploymentId: string;
  userId?: string;
  messageTs?: string;
  responseUrl?: string;
  teamId?: string;
  triggerId?: string;
}): Record<string, unknown> {
  const teamId = input.teamId ?? TEST_TEAM;
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'test' },
    user: { id: input.userId ?? 'U0USER', username: 'alex', team_id: teamId },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: input.triggerId ?? `trigger-${randomUUID()}`,
    container: { type: 'message', message_ts: input.messageTs ?? '1700000001.000001', channel_id: CHANNEL },
    channel: { id: CHANNEL, name: 'deploys' },
    message: { type: 'message', ts: input.messageTs ?? '1700000001.000001', text: 'deployment' },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b1',
        value: JSON.stringify({ project_id: input.projectId, deployment_id: input.deploymentId }),
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** Subscribes CHANNEL to a project `shop` and returns its hook, secret and id. */
export async function subscribeShop(t: TestApp, events = '') {
  const project = t.fakeSota.addProject({ name: 'Shop', slug: 'shop' });
  await runCommand(t, `subscribe shop ${events}`.trim(), { channelId: CHANNEL });
  const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id);
  expect(webhook).toBeDefined();
  return { projectId: project.id, hookId: hookIdOf(webhook!.url), secret: webhook!.secret };
}

/** A signed-ready event body. */
export function eventBody(
  projectId: string,
  deploymentId: string,
  event: string,
  data = {},
  at = new Date(),
) {
  return JSON.stringify({
    event,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: at.toISOString(),
    data,
  });
}
