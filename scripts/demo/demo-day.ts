import type { KnownEvent } from '../../src/sota/event.js';
import type { DemoProjectKey } from './demo-cast.js';

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
}

const BUILD_ERROR = "Build failed: `npm run build` exited with code 1\nError: Cannot find module 'next'";

/** A working day of two projects: builds, a failure with its reason, a fix, a late event, a repeat. */
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
    data: { status: 'failed', error_message: BUILD_ERROR },
    note: 'a failed build: #deploys sees it, and so does #shop-alerts (it follows only failures)',
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
