import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { Config } from '../config/load-config.js';
import type { PacedCall } from '../delivery/paced-call.js';
import type { Logger } from '../log/logger.js';
import type { SotaClient } from '../sota/client.js';
import type { Store } from '../store/types.js';
import { answerUnknownRoutes } from './answer-unknown-routes.js';
import { App, HTTPReceiver } from './bolt.js';
import { boltErrorHandlers } from './bolt-error-handlers.js';
import { createBoltLogger } from './bolt-logger.js';
import { guardSlackEvents } from './edge/slack-edge.js';
import { HANDLED_PAYLOADS } from './handled-payloads.js';
import { createLostRegistrations } from './hooks/lost-registrations.js';
import { createInstallationStore } from './installation-store.js';
import { createKeyedLock } from './keyed-lock.js';
import { createOAuthStateStore } from './oauth-state-store.js';
import { registerListeners } from './register-listeners.js';
import { BOT_SCOPES } from './scopes.js';

export interface SlackDeps {
  config: Config;
  store: Store;
  logger: Logger;
  sotaClientFor: (token: string) => SotaClient;
  /** Posts outside the delivery queue (`/sota test`) under the same pace and 429 holds as deliveries. */
  pacedCall: PacedCall;
  /** A random url-safe id for a new hook. */
  newHookId: () => string;
  now: () => number;
  /** Asks the notice sender to post what was just claimed (a mute summary, a pause notice). */
  wakeNotices?: () => void;
  /** A request that failed past the edge: logged with its id and answered (the error policy). */
  onRequestError: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

/** Options for every Slack Web API client the app makes: our own local retries only, a timeout. */
function clientOptions(config: Config) {
  return {
    slackApiUrl: config.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}

function receiverOptions(deps: SlackDeps, logger: ReturnType<typeof createBoltLogger>): HTTPReceiverOptions {
  const { config } = deps;
  const base: HTTPReceiverOptions = {
    signingSecret: config.slackSigningSecret,
    // The edge (guardSlackEvents) has verified every request before Bolt sees it.
    signatureVerification: false,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger,
    ...boltErrorHandlers(deps.logger, deps.onRequestError),
  };
  if (config.slack.kind !== 'multi') return base;
  return {
    ...base,
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    stateSecret: config.slack.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: createInstallationStore(deps.store, deps.now),
    installerOptions: {
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      stateStore: createOAuthStateStore(deps.store, deps.now),
      clientOptions: clientOptions(config),
      directInstall: true,
    },
  };
}

/**
 * Single-workspace mode: every verified request uses the configured bot token. (Bolt's `token`
 * option would call auth.test once at construction and keep a failure for good, failing every
 * request after Slack was unreachable at boot; nothing here needs the bot's user id.)
 */
function singleWorkspaceAuthorize(botToken: string) {
  return async () => ({ botToken });
}

/**
 * The Bolt app and its HTTP receiver. The caller serves `receiver.requestListener` from its own
 * server (app.start is never called). Single mode uses SLACK_BOT_TOKEN; multi mode installs
 * through OAuth with installations kept in the store.
 */
export function createSlackApp(deps: SlackDeps): {
  app: App;
  receiver: HTTPReceiver;
  tokenFor: (teamId: string) => Promise<string | undefined>;
} {
  const { config } = deps;
  const secrets = [config.slackSigningSecret];
  if (config.slack.kind === 'single') secrets.push(config.slack.botToken);
  else secrets.push(config.slack.clientSecret, config.slack.stateSecret);
  const logger = createBoltLogger(deps.logger, secrets);
  const receiver = new HTTPReceiver(receiverOptions(deps, logger));
  const app = new App({
    receiver,
    ...(config.slack.kind === 'single' ? { authorize: singleWorkspaceAuthorize(config.slack.botToken) } : {}),
    clientOptions: clientOptions(config),
    logger,
  });
  const lostRegistrations = createLostRegistrations({ store: deps.store, logger: deps.logger });
  registerListeners(app, { ...deps, lock: createKeyedLock(), lostRegistrations });
  const edge = guardSlackEvents(receiver.requestListener, {
    signingSecret: config.slackSigningSecret,
    now: deps.now,
    logger: deps.logger,
    handled: HANDLED_PAYLOADS,
    onError: deps.onRequestError,
  });
  receiver.requestListener = answerUnknownRoutes(edge);
  const { slack } = config;
  const tokenFor = async (teamId: string) =>
    slack.kind === 'single' ? slack.botToken : (await deps.store.getInstallation(teamId))?.botToken;
  return { app, receiver, tokenFor };
}
