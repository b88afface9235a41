import { randomUUID } from 'node:crypto';
import type { FakeSlackIdentity } from '../../test/fakes/fake-slack.js';
import type { SeededChannel, SeedWorkspace } from '../app/seed-store.js';
import { type DeployEventName, deployEventBody, webhookRequest } from '../load/webhook-requests.js';

export interface DeliveryShape {
  workspaces: number;
  channelsPerWorkspace: number;
  deploymentsPerChannel: number;
}

export const botTokenOf = (teamId: string) => `xoxb-bench-${teamId}`;

/** Workspaces T000…, each with its channels C000_00…, installed with their own bot token. */
export function planWorkspaces(shape: DeliveryShape): SeedWorkspace[] {
  return Array.from({ length: shape.workspaces }, (_, w) => {
    const teamId = `T${String(w).padStart(3, '0')}`;
    const channelIds = Array.from(
      { length: shape.channelsPerWorkspace },
      (_, c) => `C${String(w).padStart(3, '0')}_${String(c).padStart(2, '0')}`,
    );
    return { teamId, botToken: botTokenOf(teamId), channelIds };
  });
}

export function slackIdentities(workspaces: SeedWorkspace[]): Record<string, FakeSlackIdentity> {
  return Object.fromEntries(
    workspaces.map((ws) => [ws.botToken!, { teamId: ws.teamId, userId: 'UBENCHBOT', botId: 'BBENCH' }]),
  );
}

export interface PlannedDeployment {
  channel: SeededChannel;
  deploymentId: string;
}

/** `perChannel` new deployments in every channel, interleaved across channels. */
export function planDeployments(channels: SeededChannel[], perChannel: number): PlannedDeployment[] {
  const out: PlannedDeployment[] = [];
  for (let i = 0; i < perChannel; i += 1) {
    for (const channel of channels) out.push({ channel, deploymentId: randomUUID() });
  }
  return out;
}

/** The signed request of one event of one planned deployment. */
export function eventRequest(d: PlannedDeployment, event: DeployEventName, at = new Date()): Buffer {
  return webhookRequest(d.channel, deployEventBody(d.channel.projectId, d.deploymentId, event, at));
}

/** Every deployment's deploy.started, then every deployment's deploy.succeeded. */
export function lifecycleRequests(deployments: PlannedDeployment[]): Buffer[] {
  const at = new Date();
  const started = deployments.map((d) => eventRequest(d, 'deploy.started', at));
  const succeeded = deployments.map((d) =>
    eventRequest(d, 'deploy.succeeded', new Date(at.getTime() + 1000)),
  );
  return [...started, ...succeeded];
}
