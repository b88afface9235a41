import type { WebClient } from '@slack/web-api';
import { ACTION_NOTES } from '../../blocks/actions/action-notes.js';
import { type ActionOutcome, renderActionReply } from '../../blocks/actions/render-action-reply.js';
import type { Config } from '../../config/load-config.js';
import type { Logger } from '../../log/logger.js';
import { isSotaApiError } from '../../sota/api-error.js';
import type { SotaClient } from '../../sota/client.js';
import { describeSotaError } from '../../sota/describe-sota-error.js';
import type { ActionPressKey, DeploymentActionName, Store } from '../../store/types.js';
import { resolveSotaToken } from '../resolve-sota-token.js';
import { checkPresser } from './check-presser.js';
import type { GroupMembers } from './group-members.js';

export interface PressDeps {
  config: Config;
  store: Store;
  logger: Logger;
  sotaClientFor: (token: string) => SotaClient;
  groupMembers: GroupMembers;
  now: () => number;
}

export interface Press extends ActionPressKey {
  userId: string;
  projectId: string;
  deploymentId: string;
  client: WebClient;
}

/** What to do after a press: tell the presser alone, or reply in the message's thread for everyone. */
export type PressOutcome =
  | { kind: 'refused'; text: string }
  | { kind: 'done'; reply: ReturnType<typeof renderActionReply> };

/** Two presses of one button within this window make one call. */
export const PRESS_WINDOW_MS = 60_000;

const refused = (text: string): PressOutcome => ({ kind: 'refused', text });

const PRESSER_NOTES = {
  off: ACTION_NOTES.actionsOff,
  not_allowed: ACTION_NOTES.notAllowed,
  check_failed: ACTION_NOTES.checkFailed,
} as const;

/**
 * One press of Redeploy or Roll back: the presser is checked first (a refused press calls nothing
 * and claims nothing), then the button is claimed in the store (one call per minute across
 * instances), a rollback's deployment must still be the live one, and sota.io is called. Every
 * claimed press is recorded with its result.
 */
export async function runPress(deps: PressDeps, press: Press): Promise<PressOutcome> {
  const hook = await deps.store.findHook(press.teamId, press.projectId);
  if (!hook) return refused(ACTION_NOTES.unknownProject());
  const access = await deps.store.getActionAccess(press.teamId);
  const who = await checkPresser({ ...press, access }, deps.groupMembers);
  if (who !== 'allowed') return refused(PRESSER_NOTES[who]());
  const token = await resolveSotaToken(deps.store, deps.config, press.teamId);
  if (!token) return refused(ACTION_NOTES.noKey());
  if (!(await deps.store.claimActionPress(press, deps.now(), PRESS_WINDOW_MS))) {
    return refused(ACTION_NOTES.alreadyPressed());
  }
  const project = hook.projectName ?? hook.projectSlug ?? press.projectId;
  const record = (result: string, newDeploymentId: string | null = null) =>
    deps.store.recordAction({ ...press, at: deps.now(), result, newDeploymentId });
  const sota = deps.sotaClientFor(token);
  try {
    if (press.action === 'rollback' && !(await isLive(sota, press.projectId, press.deploymentId))) {
      await record('not_live');
      return refused(ACTION_NOTES.notLive(project));
    }
    const started = await callSota(sota, press.action, press.projectId);
    await record('started', started.id);
    deps.logger.info(
      { teamId: press.teamId, projectId: press.projectId, action: press.action },
      'deployment action',
    );
    const outcome: ActionOutcome = {
      ...press,
      project,
      newDeploymentId: started.id,
      newStatus: started.status,
    };
    return { kind: 'done', reply: renderActionReply(outcome) };
  } catch (err) {
    if (!isSotaApiError(err)) throw err;
    const conflict = err.status === 409 && press.action === 'rollback';
    await record(conflict ? 'conflict' : `failed:${err.code}`);
    deps.logger.warn(
      { teamId: press.teamId, action: press.action, code: err.code },
      'deployment action failed',
    );
    return refused(
      conflict
        ? ACTION_NOTES.nothingToRollBack(err.message)
        : ACTION_NOTES.sotaFailed(describeSotaError(err)),
    );
  }
}

/** "Live": the newest deployment whose status is `running`. */
async function isLive(sota: SotaClient, projectId: string, deploymentId: string): Promise<boolean> {
  const { deployments } = await sota.listDeploymentPage(projectId, { limit: 20 });
  return deployments.find((d) => d.status === 'running')?.id.toLowerCase() === deploymentId.toLowerCase();
}

function callSota(sota: SotaClient, action: DeploymentActionName, projectId: string) {
  return action === 'redeploy' ? sota.redeploy(projectId) : sota.rollback(projectId);
}
