import { renderSubscriptionList } from '../../src/blocks/commands/render-subscription-list.js';
import { renderDigest } from '../../src/blocks/notices/render-digest.js';
import { renderMuteSummary } from '../../src/blocks/notices/render-mute-summary.js';
import { renderPauseNotice } from '../../src/blocks/notices/render-pause-notice.js';
import { renderUnfurl } from '../../src/blocks/notices/render-unfurl.js';
import { renderChangeMessage } from '../../src/blocks/render-change-message.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';
import type { Picture } from './sample-pictures.js';

const MIN = 60_000;
const T = Date.parse('2026-02-25T14:31:42Z');
const shop = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'Shop Frontend',
  projectSlug: 'shop',
};
const api = {
  projectId: '9b2f4c1e-0d7a-4e55-8f3b-2a6c9d8e1f00',
  projectName: 'Payments API',
  projectSlug: 'payments-api',
};
const base = { projectId: shop.projectId, projectName: shop.projectName, startedAt: '2026-02-25T14:30:00Z' };

const VIEWS = {
  broke: {
    ...base,
    deploymentId: '3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f',
    status: 'failed',
    finishedAt: '2026-02-25T13:44:30Z',
    startedAt: '2026-02-25T13:43:00Z',
    errorMessage: "Build failed: `npm run build` exited with code 1\nError: Cannot find module 'next'",
    usualDurationMs: 125_000,
    outcomeChange: { kind: 'broke', firstSeen: false },
  },
  recovered: {
    ...base,
    deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    status: 'succeeded',
    finishedAt: '2026-02-25T14:31:42Z',
    url: 'https://shop.sota.io',
    usualDurationMs: 125_000,
    outcomeChange: { kind: 'recovered', brokenForMs: 47 * MIN, failedCount: 3 },
  },
  running: {
    ...base,
    deploymentId: 'a1b2c3d4-0000-4000-8000-000000000002',
    status: 'started',
    usualDurationMs: 125_000,
  },
  slow: {
    ...base,
    deploymentId: 'a1b2c3d4-0000-4000-8000-000000000003',
    status: 'succeeded',
    finishedAt: '2026-02-25T14:36:20Z',
    url: 'https://shop.sota.io',
    usualDurationMs: 125_000,
  },
} satisfies Record<string, DeploymentView>;

const channel = (name: string, messages: Picture['item']['messages']) => ({ channel: name, messages });

/** The pictures of break and recovery, mutes, digests, unfurls and the pause notice. */
export function signalPictures(): Picture[] {
  const unfurl = renderUnfurl({
    project: shop,
    live: { deploymentId: VIEWS.recovered.deploymentId, liveAt: T, durationMs: 102_000 },
    lastFailure: {
      deploymentId: VIEWS.broke.deploymentId,
      at: T - 47 * MIN,
      reason: 'Build failed: npm run build exited with code 1',
    },
  });
  return [
    {
      file: 'message-recovered.png',
      item: channel('#shop-alerts', [
        { ...renderChangeMessage(VIEWS.broke), time: '13:44', id: 'broke' },
        { ...renderChangeMessage(VIEWS.recovered), time: '14:31', id: 'recovered' },
      ]),
    },
    {
      file: 'message-usual-duration.png',
      item: channel('#deploys', [
        { ...renderDeployMessage(VIEWS.running), time: '14:30', id: 'running' },
        { ...renderDeployMessage(VIEWS.slow), time: '14:36', id: 'slow' },
      ]),
    },
    {
      file: 'mute-summary.png',
      item: channel('#deploys', [
        {
          ...renderMuteSummary({
            scope: 'all',
            mutedAt: T - 120 * MIN,
            endedAt: T,
            endedBy: 'time',
            projects: [
              {
                project: shop,
                deployments: 4,
                failed: 2,
                latest: { deploymentId: 'x', outcome: 'succeeded', startedAt: T - 2 * MIN, finishedAt: T },
              },
              {
                project: api,
                deployments: 1,
                failed: 0,
                latest: {
                  deploymentId: 'y',
                  outcome: 'succeeded',
                  startedAt: T - 60 * MIN,
                  finishedAt: T - 58 * MIN,
                },
              },
            ],
          }),
          time: '14:31',
        },
      ]),
    },
    {
      file: 'digest.png',
      item: channel('#deploys', [
        {
          ...renderDigest({
            day: '2026-02-25',
            timeZone: 'Europe/Berlin',
            projects: [
              {
                project: shop,
                summary: {
                  deployments: 12,
                  succeeded: 9,
                  failed: 3,
                  successRate: 0.75,
                  medianDurationMs: 125_000,
                  longestBrokenMs: 47 * MIN,
                },
              },
              {
                project: api,
                summary: {
                  deployments: 3,
                  succeeded: 3,
                  failed: 0,
                  successRate: 1,
                  medianDurationMs: 48_000,
                },
              },
            ],
          }),
          time: '09:00',
        },
      ]),
    },
    {
      file: 'command-list-muted.png',
      item: channel('#deploys', [
        {
          ...renderSubscriptionList(
            [
              {
                ...shop,
                events: ['deploy.started', 'deploy.succeeded', 'deploy.failed'],
                state: 'active',
                pausedReason: null,
                createdBy: 'U0ALEX',
                mutedUntil: T + 90 * MIN,
              },
              {
                ...api,
                events: [],
                changes: true,
                state: 'active',
                pausedReason: null,
                createdBy: 'U0SAM',
                lastError: 'ratelimited',
              },
            ],
            { lastMessageAt: T, digest: { time: '09:00', timeZone: 'Europe/Berlin' } },
          ),
          ephemeral: true,
          command: '/sota list',
          time: '14:40',
        },
      ]),
    },
    {
      file: 'unfurl.png',
      item: channel('#general', [
        {
          author: 'Alex',
          text: 'the new pricing page is up: https://shop.sota.io/pricing',
          blocks: [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: 'the new pricing page is up: <https://shop.sota.io/pricing|https://shop.sota.io/pricing>',
              },
            },
            ...unfurl.blocks,
          ],
          time: '14:45',
        },
      ]),
    },
    {
      file: 'pause-notice.png',
      item: channel('sota · Messages', [
        {
          ...renderPauseNotice({ channelId: 'C0DEPLOYS', reason: 'not_in_channel', projects: [shop] }),
          time: '15:02',
        },
      ]),
    },
  ];
}
