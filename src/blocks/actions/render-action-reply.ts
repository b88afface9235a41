import type { KnownBlock } from '@slack/types';
import { context, section } from '../block-builders.js';
import { fitMrkdwn, inlineCode } from '../mrkdwn.js';

export type DeploymentAction = 'redeploy' | 'rollback';

/** A pressed Redeploy / Roll back and what sota.io answered. */
export interface ActionOutcome {
  action: DeploymentAction;
  /** Who pressed it (a Slack user id, shown as a mention). */
  userId: string;
  project: string;
  /** The deployment sota.io started for it. */
  newDeploymentId: string;
  newStatus: string;
}

const DONE: Record<DeploymentAction, string> = { redeploy: 'redeployed', rollback: 'rolled back' };

/** The thread reply under the deployment's message naming who pressed the button. */
export function renderActionReply(outcome: ActionOutcome): { text: string; blocks: KnownBlock[] } {
  const who = /^[UW][A-Z0-9]+$/.test(outcome.userId) ? `<@${outcome.userId}>` : 'Someone';
  const project = fitMrkdwn(outcome.project, 100);
  const id = inlineCode(outcome.newDeploymentId.slice(0, 8), 20);
  const status = fitMrkdwn(outcome.newStatus, 40);
  const icon = outcome.action === 'redeploy' ? '🔁' : '⏪';
  const line = `${icon} ${who} ${DONE[outcome.action]} *${project}*: sota.io started deployment ${id} (${status}).`;
  return {
    text: `${who} ${DONE[outcome.action]} ${project}: sota.io started deployment ${id} (${status})`,
    blocks: [section(line), context(['Its progress appears in this channel like any deployment.'])],
  };
}
