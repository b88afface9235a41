import { ROLLBACK_ACTION_ID, VIEW_LOGS_ACTION_ID } from '../../src/blocks/deploy-buttons.js';
import type { KnownEvent } from '../../src/sota/event.js';
import type { DemoChannelKey, DemoProjectKey } from './demo-cast.js';

/** One webhook sota.io sends during the demo's day. */
export interface DayStep {
  /** Minutes after the day's first event (the signed `timestamp`). */
  minute: number;
  project: DemoProjectKey;
  /** Which deployment: steps with the same key are the same deployment. */
  deployment: string;
  event: KnownEvent;
  data?: Record<string, unknown>;
  /** Sends the very bytes already sent for this deployment and event once more. */
  duplicate?: boolean;
  /** Why this step is in the story, printed under it. */
  note?: string;
  /**
   * What sota.io's own API holds for this deployment beyond the webhook: the reason its deployment
   * list gives (`GET …/deployments`) and its build log (`GET …/deployments/:id/logs`).
   */
  inSota?: { reason?: string; logs?: string };
}

/** A button a member presses on a deployment's message, as Slack sends it (a signed block_actions). */
export interface PressStep {
  minute: number;
  /** The deployment whose message carries the button. */
  deployment: string;
  /** Pressed right after this webhook of that deployment. */
  after: KnownEvent;
  channel: DemoChannelKey;
  actionId: typeof VIEW_LOGS_ACTION_ID | typeof ROLLBACK_ACTION_ID;
  note: string;
}

const BUILD_ERROR = "Build failed: `npm run build` exited with code 1\nError: Cannot find module 'next'";

/** The failed build's log as sota.io serves it (the pictures' logs modal shows it too). */
export const BUILD_LOG = [
  '> shop@1.4.0 build',
  '> next build',
  '',
  '   ▲ Next.js 15.1.0',
  '   Creating an optimized production build ...',
  'Failed to compile.',
  '',
  "./app/page.tsx:3:1 Module not found: Can't resolve 'next/font'",
  'npm ERR! code 1',
].join('\n');

/**
 * A working day of two projects: builds, a failure whose reason comes from sota.io's deployment
 * list, a fix, a late event, a repeat.
 */
export const DEMO_DAY: readonly DayStep[] = [
  { minute: 0, project: 'shop', deployment: 'shop-1', event: 'deploy.started' },
  {
    minute: 2,
    project: 'shop',
    deployment: 'shop-1',
    event: 'deploy.succeeded',
    data: { url: 'https://shop.sota.io', status: 'running' },
  },
  { minute: 41, project: 'payments', deployment: 'pay-1', event: 'deploy.started' },
  {
    minute: 44,
    project: 'payments',
    deployment: 'pay-1',
    event: 'deploy.succeeded',
    data: { url: 'https://payments-api.sota.io', status: 'running' },
  },
  { minute: 130, project: 'shop', deployment: 'shop-2', event: 'deploy.started' },
  {
    minute: 131,
    project: 'shop',
    deployment: 'shop-2',
    event: 'deploy.failed',
    data: { status: 'failed' },
    inSota: { reason: BUILD_ERROR, logs: BUILD_LOG },
    note: "a failed build whose webhook gives no reason: posted at once (#shop-alerts too, it follows failures), then the reason from sota.io's deployment list is added to the same messages",
  },
  { minute: 146, project: 'shop', deployment: 'shop-3', event: 'deploy.started' },
  {
    minute: 149,
    project: 'shop',
    deployment: 'shop-3',
    event: 'deploy.succeeded',
    data: { url: 'https://shop.sota.io', status: 'running' },
    note: 'the fix is live',
  },
  {
    minute: 214,
    project: 'payments',
    deployment: 'pay-2',
    event: 'deploy.succeeded',
    data: { url: 'https://payments-api.sota.io', status: 'running' },
    note: 'out of order: the success arrives before its start',
  },
  {
    minute: 211,
    project: 'payments',
    deployment: 'pay-2',
    event: 'deploy.started',
    note: 'the late start adds its time; the deployment stays live',
  },
  {
    minute: 149,
    project: 'shop',
    deployment: 'shop-3',
    event: 'deploy.succeeded',
    duplicate: true,
    note: 'the same delivery again: answered 202, nothing new in Slack',
  },
];

/** The buttons pressed during the day: the failure's logs, and a rollback by someone `/sota actions` allows. */
export const DEMO_PRESSES: readonly PressStep[] = [
  {
    minute: 133,
    deployment: 'shop-2',
    after: 'deploy.failed',
    channel: 'deploys',
    actionId: VIEW_LOGS_ACTION_ID,
    note: 'View logs: a private modal opens at once, then shows the last lines sota.io has',
  },
  {
    minute: 150,
    deployment: 'shop-3',
    after: 'deploy.succeeded',
    channel: 'deploys',
    actionId: ROLLBACK_ACTION_ID,
    note: 'Roll back, confirmed by @alex (whom /sota actions allows): still the live deployment? then one rollback call, the answer in the thread',
  },
];
