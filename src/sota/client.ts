import type { Logger } from '../log/logger.js';
import {
  createdWebhookSchema,
  projectPageSchema,
  type SotaDeployment,
  type SotaProject,
  type SotaWebhook,
  toSotaProject,
  toSotaWebhook,
  webhookListSchema,
} from './api-schemas.js';
import {
  type DeploymentPage,
  fetchDeploymentLogs,
  fetchDeploymentPage,
  projectPath,
  startDeployment,
} from './deployment-calls.js';
import type { KeyPacer } from './key-pacer.js';
import { createSotaTransport, type SotaTransport } from './sota-transport.js';

export type { SotaDeployment, SotaProject, SotaWebhook } from './api-schemas.js';
export type { DeploymentPage } from './deployment-calls.js';

export interface SotaClientOptions {
  /** e.g. `https://api.sota.io`; a trailing `/v1` (as the docs write the base URL) is accepted too. */
  baseUrl: string;
  /** A `sota_…` API key (or a JWT). Sent as a Bearer token, never logged or put in an error. */
  token: string;
  /** Per request, including reading the body. Default 10 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Clock in epoch milliseconds (reading `Retry-After` dates); default `Date.now`. */
  now?: () => number;
  /** The key's shared request bucket (100 a minute, 429 honoured); none: unpaced. */
  pacer?: KeyPacer;
  /** Longest wait for the bucket before a call fails as rate limited. Default 10 000. */
  paceMaxWaitMs?: number;
}

/** The sota.io calls the bot makes. Every failure is a SotaApiError; no call is retried here. */
export interface SotaClient {
  /** Every project the token can see, following the cursor (100 per page, at most 50 pages). */
  listProjects(): Promise<SotaProject[]>;
  /** The project whose id or slug (both case-insensitive) is `idOrSlug`, via listProjects. */
  findProject(idOrSlug: string): Promise<SotaProject | undefined>;
  /** Registers a webhook; the returned `secret` (`whsec_…`) is shown by sota.io this once only. */
  createWebhook(projectId: string, url: string, events: readonly string[]): Promise<SotaWebhook>;
  /** Undocumented DELETE: 2xx → 'deleted', 404 → 'gone', 405 or 501 → 'unsupported'. */
  deleteWebhook(projectId: string, webhookId: string): Promise<'deleted' | 'gone' | 'unsupported'>;
  /** `GET /v1/projects/:id/webhooks`: id and url of each of the project's webhooks (sota.io leaves secrets out). */
  listWebhooks(projectId: string): Promise<Array<{ id: string; url: string }>>;
  /** One page of deployments, as sota.io orders them (the official clients read item 0 as newest). */
  listDeployments(projectId: string, limit?: number): Promise<SotaDeployment[]>;
  /** One page of deployments (newest first) from `cursor`, with the next page's cursor. */
  listDeploymentPage(projectId: string, page?: { limit?: number; cursor?: string }): Promise<DeploymentPage>;
  /** `GET …/deployments/:deploymentId/logs` as text (raw text or `{ data }`). */
  getDeploymentLogs(projectId: string, deploymentId: string): Promise<string>;
  /** `POST …/redeploy`: runs the live image again with the current environment; the new deployment. */
  redeploy(projectId: string): Promise<SotaDeployment>;
  /** `POST …/rollback`: back to the previous deployment; 409 when there is none. The new deployment. */
  rollback(projectId: string): Promise<SotaDeployment>;
}

export const PROJECT_PAGE_LIMIT = 100;
export const MAX_PROJECT_PAGES = 50;
export const DEFAULT_TIMEOUT_MS = 10_000;

function normaliseBaseUrl(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new TypeError('sota.io base URL must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError('sota.io base URL must be an absolute http(s) URL');
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '');
}

async function listAllProjects(transport: SotaTransport, logger: Logger | undefined): Promise<SotaProject[]> {
  const projects: SotaProject[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
    const query = { limit: PROJECT_PAGE_LIMIT, cursor };
    const body = await transport.json({ method: 'GET', path: '/v1/projects', query }, projectPageSchema);
    projects.push(...body.data.map(toSotaProject));
    const next = body.pagination?.next_cursor;
    if (!body.pagination?.has_more || !next || seen.has(next)) return projects;
    seen.add(next);
    cursor = next;
  }
  logger?.warn({ pages: MAX_PROJECT_PAGES, projects: projects.length }, 'sota.io project list cut short');
  return projects;
}

function matchProject(projects: readonly SotaProject[], idOrSlug: string): SotaProject | undefined {
  const wanted = idOrSlug.trim().toLowerCase();
  if (!wanted) return undefined;
  return (
    projects.find((p) => p.id.toLowerCase() === wanted) ??
    projects.find((p) => p.slug.toLowerCase() === wanted)
  );
}

export function createSotaClient(options: SotaClientOptions): SotaClient {
  if (!options.token) throw new TypeError('sota.io client needs an API token');
  const transport = createSotaTransport({
    baseUrl: normaliseBaseUrl(options.baseUrl),
    token: options.token,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    logger: options.logger,
    now: options.now ?? Date.now,
    pacer: options.pacer,
    paceMaxWaitMs: options.paceMaxWaitMs,
  });
  const listProjects = () => listAllProjects(transport, options.logger);

  return {
    listProjects,
    findProject: async (idOrSlug) =>
      idOrSlug.trim() ? matchProject(await listProjects(), idOrSlug) : undefined,
    async createWebhook(projectId, url, events) {
      const request = {
        method: 'POST',
        path: projectPath(projectId, '/webhooks'),
        body: { url, events },
      } as const;
      const body = await transport.json(request, createdWebhookSchema);
      return toSotaWebhook(body.data, projectId, events);
    },
    async deleteWebhook(projectId, webhookId) {
      const path = projectPath(projectId, `/webhooks/${encodeURIComponent(webhookId)}`);
      const status = await transport.status({ method: 'DELETE', path }, [404, 405, 501]);
      if (status === 404) return 'gone';
      return status === 405 || status === 501 ? 'unsupported' : 'deleted';
    },
    async listWebhooks(projectId) {
      const body = await transport.json(
        { method: 'GET', path: projectPath(projectId, '/webhooks') },
        webhookListSchema,
      );
      return body.data.map((w) => ({ id: w.id, url: w.url }));
    },
    async listDeployments(projectId, limit) {
      return (await fetchDeploymentPage(transport, projectId, { limit })).deployments;
    },
    listDeploymentPage: (projectId, page = {}) => fetchDeploymentPage(transport, projectId, page),
    getDeploymentLogs: (projectId, deploymentId) => fetchDeploymentLogs(transport, projectId, deploymentId),
    redeploy: (projectId) => startDeployment(transport, projectId, 'redeploy'),
    rollback: (projectId) => startDeployment(transport, projectId, 'rollback'),
  };
}
