/**
 * What the fake sota.io server holds, and how tests add to it.
 */
import { randomUUID } from 'node:crypto';

export interface FakeSotaProject {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

export interface FakeSotaWebhook {
  id: string;
  projectId: string;
  url: string;
  /** The `whsec_…` signing secret, for signing deliveries in tests. */
  secret: string;
  events: string[];
  createdAt: string;
}

export interface FakeSotaDeployment {
  id: string;
  projectId: string;
  status: string;
  url: string | null;
  errorMessage: string | null;
  /** Which field carries `errorMessage`: the docs' `error_message` or the official clients' `error`. */
  errorField: 'error_message' | 'error';
  createdAt: string;
  /** The deployment whose image this one runs (itself, unless a redeploy or rollback made it). */
  imageOf: string;
}

export interface FakeSotaState {
  projects: FakeSotaProject[];
  webhooks: FakeSotaWebhook[];
  deployments: FakeSotaDeployment[];
  /** Largest page the server hands out, whatever `limit` asks for; undefined = honour `limit`. */
  pageSize: number | undefined;
  deleteWebhookStatus: 204 | 404 | 405;
  /** Each deployment's log text, by deployment id (none: 404). */
  logs: Map<string, string>;
  /** How logs are sent: raw `text/plain` or JSON `{ data }`. */
  logsFormat: 'text' | 'json';
  /** When set, every logs request gets this status (e.g. 405: no such endpoint). */
  logsStatus: number | undefined;
}

/** One answer of the fake: status, JSON body (a string is sent raw), extra headers. */
export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AddDeploymentInput {
  projectId: string;
  id?: string;
  status?: string;
  url?: string | null;
  errorMessage?: string | null;
  errorField?: 'error_message' | 'error';
  createdAt?: string;
  imageOf?: string;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/** Adds a project; `slug` defaults to the name made URL-safe, `id` to a random UUID. */
export function addProject(state: FakeSotaState, input: { name: string; slug?: string; id?: string }) {
  const slug = input.slug ?? slugify(input.name);
  if (state.projects.some((p) => p.slug === slug)) throw new Error(`slug ${slug} is taken`);
  const project = {
    id: input.id ?? randomUUID(),
    name: input.name,
    slug,
    createdAt: new Date().toISOString(),
  };
  state.projects.push(project);
  return project;
}

/** Adds a deployment; later additions are listed first (newest first). */
export function addDeployment(state: FakeSotaState, input: AddDeploymentInput): FakeSotaDeployment {
  const id = input.id ?? randomUUID();
  const deployment: FakeSotaDeployment = {
    id,
    imageOf: input.imageOf ?? id,
    projectId: input.projectId,
    status: input.status ?? 'running',
    url: input.url === undefined ? null : input.url,
    errorMessage: input.errorMessage ?? null,
    errorField: input.errorField ?? 'error_message',
    createdAt: input.createdAt ?? new Date().toISOString(),
  };
  state.deployments.push(deployment);
  return deployment;
}
