import type { KnownBlock } from '@slack/types';
import { renderDeployMessage } from '../render-deploy-message.js';

/** The deployment id a sample message shows: clearly not a real one. */
export const SAMPLE_DEPLOYMENT_ID = '00000000-0000-4000-8000-000000000000';

const TEST_MARK = '🧪 *Test message* from `/sota test` — not a real deployment.';

/** A succeeded deployment of `project`, as real messages look, marked as a test at the top. */
export function renderSampleMessage(input: {
  projectId: string;
  projectName: string;
  projectSlug: string | null;
  now: number;
}): { text: string; blocks: KnownBlock[] } {
  const message = renderDeployMessage({
    projectId: input.projectId,
    projectName: input.projectName,
    deploymentId: SAMPLE_DEPLOYMENT_ID,
    status: 'succeeded',
    sotaStatus: 'running',
    startedAt: new Date(input.now - 95_000).toISOString(),
    finishedAt: new Date(input.now).toISOString(),
    url: input.projectSlug ? `https://${input.projectSlug}.sota.io` : undefined,
  });
  const mark: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: TEST_MARK }] };
  return { text: `[Test] ${message.text}`, blocks: [mark, ...message.blocks].slice(0, 50) };
}
