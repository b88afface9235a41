import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import {
  type LogsSubject,
  renderLogsLoading,
  renderLogsModal,
  renderLogsUnavailable,
} from '../../../blocks/actions/render-logs-modal.js';
import type { Config } from '../../../config/load-config.js';
import type { Logger } from '../../../log/logger.js';
import { outboundFailure } from '../../../net/outbound-failure.js';
import { isSotaApiError } from '../../../sota/api-error.js';
import { cleanLogText } from '../../../sota/clean-log-text.js';
import type { SotaClient } from '../../../sota/client.js';
import type { HookStore, WorkspaceStore } from '../../../store/types.js';
import { resolveSotaToken } from '../../resolve-sota-token.js';
import { slackErrorCode } from '../../slack-error-code.js';
import { readPressedButton } from './button-value.js';

export interface ViewLogsDeps {
  config: Config;
  store: HookStore & WorkspaceStore;
  logger: Logger;
  sotaClientFor: (token: string) => SotaClient;
}

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * "View logs": opens a modal at once with a loading view (Slack's trigger lasts 3 s), then fills it
 * with the deployment's last log lines from sota.io, or says why there are none and how to get them.
 * Only projects this workspace follows are looked up, with this workspace's key; a project it does
 * not follow, or one no key it may use can read, is told as such.
 */
export function createViewLogsListener(deps: ViewLogsDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    const press = readPressedButton(body);
    if (!press.value) return;
    const { project_id: projectId, deployment_id: deploymentId } = press.value;
    const hook = await deps.store.findHook(press.teamId, projectId);
    const subject: LogsSubject = {
      project: hook?.projectName ?? hook?.projectSlug ?? projectId,
      deploymentId,
    };
    let viewId: string | undefined;
    try {
      const opened = await client.views.open({
        trigger_id: press.triggerId,
        view: renderLogsLoading(subject),
      });
      viewId = opened.view?.id;
    } catch (err) {
      deps.logger.warn(
        { teamId: press.teamId, code: slackErrorCode(err), ...outboundFailure('Slack', 'views.open', err) },
        'could not open the logs modal',
      );
      return;
    }
    const followed = hook?.status === 'active';
    const view = followed
      ? await logsView(deps, press.teamId, subject, projectId)
      : renderLogsUnavailable(subject, 'not_followed');
    try {
      if (viewId) await client.views.update({ view_id: viewId, view });
    } catch (err) {
      deps.logger.warn(
        { teamId: press.teamId, code: slackErrorCode(err), ...outboundFailure('Slack', 'views.update', err) },
        'could not fill the logs modal',
      );
    }
  };
}

async function logsView(
  deps: ViewLogsDeps,
  teamId: string,
  subject: LogsSubject,
  projectId: string,
): Promise<ModalView> {
  const token = await resolveSotaToken(deps.store, deps.config, teamId);
  if (!token) return renderLogsUnavailable(subject, 'no_key');
  try {
    const text = await deps.sotaClientFor(token).getDeploymentLogs(projectId, subject.deploymentId);
    return renderLogsModal(subject, cleanLogText(text, [token]));
  } catch (err) {
    if (!isSotaApiError(err)) throw err;
    deps.logger.info(
      { teamId, projectId, code: err.code, status: err.status },
      'no deployment logs from sota.io',
    );
    if (err.status === 404) return renderLogsUnavailable(subject, 'none');
    if (err.status === 401 || err.status === 403) return renderLogsUnavailable(subject, 'no_key');
    if (err.status === 405 || err.status === 501) return renderLogsUnavailable(subject, 'unsupported');
    return renderLogsUnavailable(subject, 'failed');
  }
}
