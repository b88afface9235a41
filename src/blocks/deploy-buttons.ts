import type { ActionsBlock, Button, ConfirmationDialog } from '@slack/types';
import type { DeploymentView } from '../sota/deployment-state.js';
import { plainText } from './block-builders.js';
import type { DeploymentFacts } from './deployment-facts.js';
import { BLOCK_KIT_LIMITS, truncate } from './limits.js';
import { fitMrkdwn, inlineCode } from './mrkdwn.js';

export const VIEW_LOGS_ACTION_ID = 'sota_view_logs';
export const REDEPLOY_ACTION_ID = 'sota_redeploy';
export const ROLLBACK_ACTION_ID = 'sota_rollback';
export const OPEN_DEPLOYMENT_ACTION_ID = 'open_deployment_url';

/** The `value` of every deployment button: which deployment, never a secret. */
export interface DeploymentButtonValue {
  project_id: string;
  deployment_id: string;
}

const VALUE_MAX = 2000;
const TITLE_MAX = 24;

function buttonValue(view: DeploymentView): string | undefined {
  const value: DeploymentButtonValue = { project_id: view.projectId, deployment_id: view.deploymentId };
  const text = JSON.stringify(value);
  return text.length <= VALUE_MAX ? text : undefined;
}

function button(label: string, actionId: string, value: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    text: plainText(label, BLOCK_KIT_LIMITS.buttonText),
    action_id: actionId,
    value,
    ...extra,
  };
}

function confirm(title: string, text: string, yes: string, danger: boolean): ConfirmationDialog {
  return {
    title: plainText(title, TITLE_MAX),
    text: { type: 'mrkdwn', text: truncate(text, 300) },
    confirm: plainText(yes, 30),
    deny: plainText('Cancel', 30),
    ...(danger ? { style: 'danger' as const } : {}),
  };
}

function redeployConfirm(facts: DeploymentFacts): ConfirmationDialog {
  const project = fitMrkdwn(facts.project, 100);
  return confirm(
    'Redeploy?',
    `sota.io runs the live image of *${project}* again with the project's current environment variables. Nothing is rebuilt.`,
    'Redeploy',
    false,
  );
}

function rollbackConfirm(facts: DeploymentFacts): ConfirmationDialog {
  const project = fitMrkdwn(facts.project, 100);
  return confirm(
    'Roll back?',
    `sota.io takes *${project}* back to the deployment before ${inlineCode(facts.shortId, 20)}: the previous image starts again and replaces this one. Environment variables are not rolled back.`,
    'Roll back',
    true,
  );
}

/**
 * The buttons under a finished deployment: "View logs" (and "Redeploy" when actions are allowed)
 * on a failure, "Open live site" (and "Roll back" when allowed) on a success.
 */
export function deployButtons(
  view: DeploymentView,
  facts: DeploymentFacts,
  actionsAllowed: boolean,
): ActionsBlock | undefined {
  const value = buttonValue(view);
  const elements: Button[] = [];
  if (facts.status.kind === 'failed' && value) {
    elements.push(button('View logs', VIEW_LOGS_ACTION_ID, value));
    if (actionsAllowed)
      elements.push(button('Redeploy', REDEPLOY_ACTION_ID, value, { confirm: redeployConfirm(facts) }));
  }
  if (facts.status.kind === 'succeeded') {
    if (facts.url?.kind === 'link') {
      const label = plainText('Open live site', BLOCK_KIT_LIMITS.buttonText);
      elements.push({
        type: 'button',
        text: label,
        url: facts.url.href,
        action_id: OPEN_DEPLOYMENT_ACTION_ID,
      });
    }
    if (actionsAllowed && value) {
      elements.push(button('Roll back', ROLLBACK_ACTION_ID, value, { confirm: rollbackConfirm(facts) }));
    }
  }
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** The mentions line of a failure: only the escaped forms Slack sent, never built from a name. */
export function mentionsText(mentions: readonly string[]): string | undefined {
  return mentions.length > 0 ? `🔔 ${mentions.join(' ')}` : undefined;
}
