/** The real app (test/helpers/test-app.ts) with one channel subscribed to one project through `/sota subscribe`. */
import { expect } from 'vitest';
import { startTestApp, type TestApp, type TestAppOptions } from '../../helpers/test-app.js';
import { hookIdOf, runCommand } from '../../slack/slack-test-kit.js';

export interface SubscribedApp {
  t: TestApp;
  hookId: string;
  secret: string;
  projectId: string;
  channelId: string;
}

export type DeployEventName = 'deploy.started' | 'deploy.succeeded' | 'deploy.failed';

export async function startSubscribedApp(
  options: TestAppOptions & { channelId?: string; projectName?: string; teamId?: string } = {},
): Promise<SubscribedApp> {
  const t = await startTestApp(options);
  const channelId = options.channelId ?? 'C0DEPLOYS';
  const name = options.projectName ?? 'web';
  const project = t.fakeSota.addProject({ name, slug: 'web' });
  const answer = await runCommand(t, 'subscribe web', {
    channelId,
    ...(options.teamId ? { teamId: options.teamId } : {}),
  });
  expect(answer.response_type).toBe('ephemeral');
  const webhook = t.fakeSota.webhooks.find((w) => w.projectId === project.id);
  if (!webhook) throw new Error('subscribe registered no webhook');
  return { t, hookId: hookIdOf(webhook.url), secret: webhook.secret, projectId: project.id, channelId };
}

/** A sota.io event body as sota.io would send it. */
export function deployBody(
  projectId: string,
  deploymentId: string,
  event: DeployEventName | string,
  data: Record<string, unknown> = {},
  at: Date = new Date(),
): string {
  return JSON.stringify({
    event,
    project_id: projectId,
    deployment_id: deploymentId,
    timestamp: at.toISOString(),
    data,
  });
}
