/**
 * A stand-in for the sota.io REST API: a real node:http server on 127.0.0.1 (random port) for tests,
 * the demo and benchmarks. Point a client at `fake.url` with `fake.token`.
 *
 * Implements, with sota.io's envelopes (`{ data }`, `{ data, pagination }`, `{ error: { message, code } }`):
 * - GET    /v1/projects                          cursor pagination (`limit` 1–100, default 20; `pageSize` caps pages)
 * - POST   /v1/projects/:id/webhooks             201 with a fresh `whsec_<hex>` secret; kept in `webhooks`
 * - GET    /v1/projects/:id/webhooks             the project's webhooks without secrets
 * - DELETE /v1/projects/:id/webhooks/:webhookId  `deleteWebhookStatus`: 204 (removes it), 404 or 405
 * - GET    /v1/projects/:id/deployments          newest first, from `addDeployment`, cursor pagination
 * - GET    /v1/projects/:id/deployments/:id/logs `logs` (text, or `{ data }` with `logsFormat: 'json'`);
 *                                                404 when none; `logsStatus` answers that status instead
 * - POST   /v1/projects/:id/redeploy             200, a new `deploying` deployment of the running image; 409 without one
 * - POST   /v1/projects/:id/rollback             200, a new `deploying` deployment of the image before the
 *                                                running one; 409 "Nothing to roll back to" without one
 * Every request needs `Authorization: Bearer <one of tokens>` (else 401) and is recorded in `requests`,
 * authorised or not. `failNext` / `failAlways` make matching requests fail before auth and routing (or,
 * with `delay` and `gate`, wait before they are answered normally).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  errorBody,
  FailureRules,
  type FakeSotaFailure,
  type FakeSotaMatcher,
  failureReply,
} from './fake-sota-failures.js';
import { type FakeSotaRequest, readRequest, sendReply } from './fake-sota-http.js';
import { routeFakeSota } from './fake-sota-routes.js';
import {
  type AddDeploymentInput,
  addDeployment,
  addProject,
  type FakeReply,
  type FakeSotaDeployment,
  type FakeSotaProject,
  type FakeSotaState,
  type FakeSotaWebhook,
} from './fake-sota-state.js';

export type { FakeSotaFailure, FakeSotaMatcher } from './fake-sota-failures.js';
export type { FakeSotaRequest } from './fake-sota-http.js';
export type {
  AddDeploymentInput,
  FakeSotaDeployment,
  FakeSotaProject,
  FakeSotaWebhook,
} from './fake-sota-state.js';

/** The default valid API token. */
export const FAKE_SOTA_TOKEN = 'sota_0123456789abcdef0123456789abcdef01234567';

export interface FakeSotaOptions {
  /** Valid bearer tokens (default `[FAKE_SOTA_TOKEN]`). */
  tokens?: readonly string[];
  /** Largest page of projects, whatever `limit` asks for (default: honour `limit`). */
  pageSize?: number;
  /** What DELETE /v1/projects/:id/webhooks/:webhookId answers (default 204). */
  deleteWebhookStatus?: 204 | 404 | 405;
}

export interface FakeSota {
  /** Base URL, e.g. `http://127.0.0.1:54321` (no trailing slash; paths start with /v1). */
  readonly url: string;
  /** The first valid token. */
  readonly token: string;
  /** Valid tokens; add or delete to change who is authorised. */
  readonly tokens: Set<string>;
  readonly requests: FakeSotaRequest[];
  readonly projects: FakeSotaProject[];
  /** Every registered webhook, with its secret. */
  readonly webhooks: FakeSotaWebhook[];
  readonly deployments: FakeSotaDeployment[];
  pageSize: number | undefined;
  deleteWebhookStatus: 204 | 404 | 405;
  /** Log text per deployment id. */
  readonly logs: Map<string, string>;
  logsFormat: 'text' | 'json';
  logsStatus: number | undefined;
  /** Adds a project; `slug` defaults to the name made URL-safe, `id` to a random UUID. */
  addProject(input: { name: string; slug?: string; id?: string }): FakeSotaProject;
  /** Adds a deployment (later additions are newer). */
  addDeployment(input: AddDeploymentInput): FakeSotaDeployment;
  /** Makes the next `times` (default 1) matching requests fail with `failure`. */
  failNext(matcher: FakeSotaMatcher, failure: FakeSotaFailure, times?: number): void;
  /** Makes every matching request fail with `failure` until `clearFailures` or `reset`. */
  failAlways(matcher: FakeSotaMatcher, failure: FakeSotaFailure): void;
  clearFailures(): void;
  /** Forgets requests, failures, projects, webhooks and deployments; restores the start options. */
  reset(): void;
  /** Stops the server, cutting open connections (hanging requests included). */
  close(): Promise<void>;
}

/** Starts a fake sota.io API on 127.0.0.1 with a random free port. */
export async function startFakeSota(options: FakeSotaOptions = {}): Promise<FakeSota> {
  const state: FakeSotaState = {
    projects: [],
    webhooks: [],
    deployments: [],
    pageSize: options.pageSize,
    deleteWebhookStatus: options.deleteWebhookStatus ?? 204,
    logs: new Map(),
    logsFormat: 'text',
    logsStatus: undefined,
  };
  const startTokens = options.tokens ?? [FAKE_SOTA_TOKEN];
  const tokens = new Set(startTokens);
  const requests: FakeSotaRequest[] = [];
  const rules = new FailureRules();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function answer(request: FakeSotaRequest): FakeReply {
    const auth = request.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!tokens.has(token)) return { status: 401, body: errorBody(401) };
    return routeFakeSota(
      state,
      request.method,
      request.path,
      new URLSearchParams(request.query),
      request.body,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    requests.push(request);
    const failure = rules.take(request.method, request.path);
    if (failure?.kind === 'hang') return;
    if (failure?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure?.kind === 'delay') await wait(failure.ms);
    if (failure?.kind === 'gate') await failure.until.catch(() => undefined);
    const answersNormally = !failure || failure.kind === 'delay' || failure.kind === 'gate';
    const reply = answersNormally ? answer(request) : failureReply(failure);
    if (!res.destroyed) sendReply(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendReply(res, { status: 500, body: errorBody(500) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: startTokens[0] ?? FAKE_SOTA_TOKEN,
    tokens,
    requests,
    projects: state.projects,
    webhooks: state.webhooks,
    deployments: state.deployments,
    get pageSize() {
      return state.pageSize;
    },
    set pageSize(value) {
      state.pageSize = value;
    },
    logs: state.logs,
    get logsFormat() {
      return state.logsFormat;
    },
    set logsFormat(value) {
      state.logsFormat = value;
    },
    get logsStatus() {
      return state.logsStatus;
    },
    set logsStatus(value) {
      state.logsStatus = value;
    },
    get deleteWebhookStatus() {
      return state.deleteWebhookStatus;
    },
    set deleteWebhookStatus(value) {
      state.deleteWebhookStatus = value;
    },
    addProject: (input) => addProject(state, input),
    addDeployment: (input) => addDeployment(state, input),
    failNext: (matcher, failure, times = 1) => rules.add(matcher, failure, times),
    failAlways: (matcher, failure) => rules.add(matcher, failure, Number.POSITIVE_INFINITY),
    clearFailures: () => rules.clear(),
    reset() {
      rules.clear();
      for (const list of [requests, state.projects, state.webhooks, state.deployments]) list.length = 0;
      state.pageSize = options.pageSize;
      state.deleteWebhookStatus = options.deleteWebhookStatus ?? 204;
      state.logs.clear();
      state.logsFormat = 'text';
      state.logsStatus = undefined;
      tokens.clear();
      for (const t of startTokens) tokens.add(t);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
