import { renderHelp } from '../../src/blocks/commands/render-help.js';
import { renderSubscriptionList } from '../../src/blocks/commands/render-subscription-list.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import type { PreviewChannel } from '../../src/preview/render-slack-preview-html.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';

/** One picture for docs/: its file name and the channel it shows. */
export interface Picture {
  file: string;
  item: PreviewChannel;
}

const deployment = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'Shop Frontend',
  deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  startedAt: '2026-02-25T14:30:00Z',
} as const;

const VIEWS = {
  started: { ...deployment, status: 'started' },
  succeeded: {
    ...deployment,
    status: 'succeeded',
    sotaStatus: 'running',
    finishedAt: '2026-02-25T14:31:42Z',
    url: 'https://shop.sota.io',
  },
  failed: {
    ...deployment,
    status: 'failed',
    sotaStatus: 'failed',
    finishedAt: '2026-02-25T14:32:07Z',
    errorMessage: "Build failed: `npm run build` exited with code 1\nError: Cannot find module 'next'",
  },
} satisfies Record<string, DeploymentView>;

const SUBSCRIPTIONS = [
  {
    projectId: deployment.projectId,
    projectName: 'Shop Frontend',
    projectSlug: 'shop',
    events: ['deploy.started', 'deploy.succeeded', 'deploy.failed'],
    state: 'active',
    pausedReason: null,
  },
  {
    projectId: '9b2f4c1e-0d7a-4e55-8f3b-2a6c9d8e1f00',
    projectName: 'Payments API',
    projectSlug: 'payments-api',
    events: ['deploy.failed'],
    state: 'paused',
    pausedReason: 'not_in_channel',
  },
] as const;

const message = (view: DeploymentView, id: string) => ({ ...renderDeployMessage(view), time: '14:30', id });

/** The pictures the README shows, rendered by the same renderers the app uses, with fixed data. */
export function samplePictures(): Picture[] {
  const reply = { ...renderThreadReply(VIEWS.succeeded), time: '14:31' };
  return [
    {
      file: 'message-started.png',
      item: { channel: '#deploys', messages: [message(VIEWS.started, 'started')] },
    },
    {
      file: 'message-succeeded.png',
      item: { channel: '#deploys', messages: [message(VIEWS.succeeded, 'succeeded')] },
    },
    {
      file: 'message-failed.png',
      item: { channel: '#deploys', messages: [message(VIEWS.failed, 'failed')] },
    },
    {
      file: 'message-updated.png',
      item: { channel: '#deploys', messages: [{ ...message(VIEWS.succeeded, 'updated'), replies: [reply] }] },
    },
    {
      file: 'command-help.png',
      item: {
        channel: '#deploys',
        messages: [{ ...renderHelp(), ephemeral: true, command: '/sota help', time: '14:35' }],
      },
    },
    {
      file: 'command-list.png',
      item: {
        channel: '#deploys',
        messages: [
          { ...renderSubscriptionList(SUBSCRIPTIONS), ephemeral: true, command: '/sota list', time: '14:36' },
        ],
      },
    },
  ];
}
