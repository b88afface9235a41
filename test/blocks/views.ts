import type { DeploymentView } from '../../src/sota/deployment-state.js';

/** Deployment views the golden files are rendered from. */
const base = {
  projectId: '550e8400-e29b-41d4-a716-446655440000',
  projectName: 'my-app',
  deploymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
} as const;

export const VIEWS = {
  started: { ...base, status: 'started', sotaStatus: 'building', startedAt: '2026-02-25T14:30:00Z' },
  succeeded: {
    ...base,
    status: 'succeeded',
    sotaStatus: 'running',
    startedAt: '2026-02-25T14:30:00Z',
    finishedAt: '2026-02-25T14:31:42Z',
    url: 'https://my-app.sota.io',
  },
  failed: {
    ...base,
    status: 'failed',
    sotaStatus: 'failed',
    startedAt: '2026-02-25T14:30:00Z',
    finishedAt: '2026-02-25T14:32:07Z',
    errorMessage: "Build failed: `npm run build` exited with code 1\nError: Cannot find module 'next'",
  },
  failedNoReason: {
    ...base,
    status: 'failed',
    startedAt: '2026-02-25T14:30:00Z',
    finishedAt: '2026-02-25T14:30:55Z',
  },
  unknownProjectName: {
    ...base,
    projectName: undefined,
    status: 'succeeded',
    finishedAt: '2026-02-25T14:31:42Z',
    url: 'https://my-app.sota.io',
  },
  neutral: {
    ...base,
    status: 'rolled_back' as DeploymentView['status'],
    sotaStatus: 'rolled_back',
    startedAt: '2026-02-25T14:30:00Z',
  },
} satisfies Record<string, DeploymentView>;
