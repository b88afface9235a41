import type {
  ListedChannel,
  ListedSubscription,
} from '../../src/blocks/commands/render-subscription-list.js';
import type { DigestInput } from '../../src/blocks/notices/render-digest.js';
import type { MuteSummaryInput } from '../../src/blocks/notices/render-mute-summary.js';
import type { PauseNoticeInput } from '../../src/blocks/notices/render-pause-notice.js';
import type { UnfurlInput } from '../../src/blocks/notices/render-unfurl.js';
import type { DeploymentView } from '../../src/sota/deployment-state.js';
import { VIEWS } from './views.js';

const MIN = 60_000;
const T = Date.parse('2026-02-25T14:30:00Z');
const project = { projectId: VIEWS.succeeded.projectId, projectName: 'my-app', projectSlug: 'my-app' };
const api = { projectId: '9b2f0f5e-3d1c-4c59-9b87-2f0d3e1a7c11', projectName: 'api', projectSlug: 'api' };

/** The inputs of the golden files of break/recovery messages, notices and the muted list. */
export const SIGNAL_SAMPLES = {
  recovered: {
    ...VIEWS.succeeded,
    usualDurationMs: 125_000,
    outcomeChange: { kind: 'recovered', brokenForMs: 47 * MIN, failedCount: 3 },
  } satisfies DeploymentView,
  broke: {
    ...VIEWS.failed,
    usualDurationMs: 125_000,
    outcomeChange: { kind: 'broke', firstSeen: false },
  } satisfies DeploymentView,
  muteSummary: {
    scope: 'all',
    mutedAt: T - 120 * MIN,
    endedAt: T,
    endedBy: 'time',
    projects: [
      {
        project,
        deployments: 4,
        failed: 2,
        latest: { deploymentId: 'd4', outcome: 'succeeded', startedAt: T - 5 * MIN, finishedAt: T - 3 * MIN },
      },
      { project: api, deployments: 0, failed: 0 },
    ],
  } satisfies MuteSummaryInput,
  digest: {
    day: '2026-02-25',
    timeZone: 'Europe/Berlin',
    projects: [
      {
        project,
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
        summary: { deployments: 2, succeeded: 2, failed: 0, successRate: 1, medianDurationMs: 40_000 },
      },
      {
        project: { projectId: 'q', projectName: 'quiet-app', projectSlug: 'quiet-app' },
        summary: { deployments: 0, succeeded: 0, failed: 0 },
      },
    ],
  } satisfies DigestInput,
  unfurl: {
    project,
    live: { deploymentId: VIEWS.succeeded.deploymentId, liveAt: T + 102_000, durationMs: 102_000 },
    lastFailure: {
      deploymentId: '3f1c2d4e-0000-4000-8000-000000000001',
      at: T - 60 * MIN,
      reason: 'Build failed: `npm run build` exited with code 1',
    },
  } satisfies UnfurlInput,
  pauseNotice: {
    channelId: 'C0DEPLOYS',
    reason: 'not_in_channel',
    projects: [project],
  } satisfies PauseNoticeInput,
  mutedList: {
    subs: [
      {
        ...project,
        events: ['deploy.started', 'deploy.succeeded', 'deploy.failed'],
        state: 'active',
        pausedReason: null,
        createdBy: 'U0ALEX',
        mutedUntil: T + 120 * MIN,
      },
      {
        ...api,
        events: [],
        changes: true,
        state: 'paused',
        pausedReason: 'not_in_channel',
        createdBy: 'U0SAM',
        lastError: 'not_in_channel',
      },
    ] satisfies ListedSubscription[],
    channel: {
      lastMessageAt: T - 3 * MIN,
      digest: { time: '09:00', timeZone: 'Europe/Berlin' },
    } satisfies ListedChannel,
  },
};
