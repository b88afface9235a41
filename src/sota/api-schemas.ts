import type { infer as Infer } from 'zod';
import { z } from '../runtime/zod.js';

/** A sota.io project, as the bot needs it. */
export interface SotaProject {
  id: string;
  name: string;
  slug: string;
}

/** A registered webhook. `secret` is only ever returned by the create call. */
export interface SotaWebhook {
  id: string;
  projectId: string;
  url: string;
  secret: string;
  events: string[];
}

/** One deployment. `url` comes without a scheme (`my-app.sota.io`), as sota.io sends it. */
export interface SotaDeployment {
  id: string;
  projectId: string;
  status: string;
  url: string | null;
  errorMessage: string | null;
  createdAt: string | null;
}

// Objects are zod's default (non-strict) objects: fields sota.io adds later are ignored.

const projectSchema = z.object({ id: z.string().min(1), name: z.string(), slug: z.string() });

const paginationSchema = z.object({
  next_cursor: z.string().nullable().optional(),
  has_more: z.boolean().nullable().optional(),
});

/** `GET /v1/projects`: `pagination` is optional (some sota.io lists leave it out). */
export const projectPageSchema = z.object({
  data: z.array(projectSchema),
  pagination: paginationSchema.nullable().optional(),
});

/** `POST /v1/projects/:id/webhooks` → 201; the signing secret always starts with `whsec_`. */
export const createdWebhookSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    project_id: z.string().min(1).optional(),
    url: z.string(),
    secret: z.string().startsWith('whsec_').min(7),
    events: z.array(z.string()).optional(),
  }),
});

/** `GET /v1/projects/:id/webhooks`: the project's webhooks, without secrets (the item shape is not documented). */
export const webhookListSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1), url: z.string() })),
});

const optionalText = z.string().nullable().optional();

const deploymentSchema = z.object({
  id: z.string().min(1),
  project_id: z.string().min(1).optional(),
  status: z.string(),
  url: optionalText,
  error_message: optionalText,
  error: optionalText,
  created_at: optionalText,
});

/** `GET /v1/projects/:id/deployments`, with the optional cursor pagination. */
export const deploymentListSchema = z.object({
  data: z.array(deploymentSchema),
  pagination: paginationSchema.nullable().optional(),
});

/** `POST /v1/projects/:id/redeploy` and `/rollback` → 200 with the new deployment. */
export const startedDeploymentSchema = z.object({ data: deploymentSchema });

/** `GET …/deployments/:id/logs` as JSON: `{ data: "<text>" }` (or lines). */
export const logsBodySchema = z.object({ data: z.union([z.string(), z.array(z.string())]) });

/** The documented error envelope; anything else in an error body is ignored. */
export const errorBodySchema = z.object({
  error: z.object({
    message: z.string().optional().catch(undefined),
    code: z.string().optional().catch(undefined),
  }),
});

export function toSotaProject(item: Infer<typeof projectSchema>): SotaProject {
  return { id: item.id, name: item.name, slug: item.slug };
}

export function toSotaWebhook(
  data: Infer<typeof createdWebhookSchema>['data'],
  projectId: string,
  events: readonly string[],
): SotaWebhook {
  return {
    id: data.id,
    projectId: data.project_id ?? projectId,
    url: data.url,
    secret: data.secret,
    events: data.events ?? [...events],
  };
}

/** The docs name the failure text `error_message`, the official clients `error`: read both. */
export function toSotaDeployment(item: Infer<typeof deploymentSchema>, projectId: string): SotaDeployment {
  return {
    id: item.id,
    projectId: item.project_id ?? projectId,
    status: item.status,
    url: item.url || null,
    errorMessage: item.error_message || item.error || null,
    createdAt: item.created_at ?? null,
  };
}
