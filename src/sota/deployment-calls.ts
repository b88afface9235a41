import {
  deploymentListSchema,
  logsBodySchema,
  type SotaDeployment,
  startedDeploymentSchema,
  toSotaDeployment,
} from './api-schemas.js';
import type { SotaTransport } from './sota-transport.js';

/** One page of a project's deployments, newest first, and the cursor of the next page. */
export interface DeploymentPage {
  deployments: SotaDeployment[];
  nextCursor: string | undefined;
}

export function projectPath(projectId: string, rest = ''): string {
  return `/v1/projects/${encodeURIComponent(projectId)}${rest}`;
}

export async function fetchDeploymentPage(
  transport: SotaTransport,
  projectId: string,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<DeploymentPage> {
  const request = {
    method: 'GET',
    path: projectPath(projectId, '/deployments'),
    query: { limit: page.limit, cursor: page.cursor },
  } as const;
  const body = await transport.json(request, deploymentListSchema);
  const next = body.pagination?.next_cursor;
  return {
    deployments: body.data.map((item) => toSotaDeployment(item, projectId)),
    nextCursor: body.pagination?.has_more && next ? next : undefined,
  };
}

/** The logs as text: sota.io answers raw text or `{ data }` (the CLI reads both). */
export async function fetchDeploymentLogs(
  transport: SotaTransport,
  projectId: string,
  deploymentId: string,
): Promise<string> {
  const path = projectPath(projectId, `/deployments/${encodeURIComponent(deploymentId)}/logs`);
  const answer = await transport.text({ method: 'GET', path });
  if (!/json/i.test(answer.contentType)) return answer.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    return answer.text;
  }
  const body = logsBodySchema.safeParse(parsed);
  if (!body.success) return answer.text;
  return Array.isArray(body.data.data) ? body.data.data.join('\n') : body.data.data;
}

/** `POST …/redeploy` or `…/rollback` (no body): the new deployment sota.io started. */
export async function startDeployment(
  transport: SotaTransport,
  projectId: string,
  kind: 'redeploy' | 'rollback',
): Promise<SotaDeployment> {
  const request = { method: 'POST', path: projectPath(projectId, `/${kind}`) } as const;
  const body = await transport.json(request, startedDeploymentSchema);
  return toSotaDeployment(body.data, projectId);
}
