/**
 * The deployment routes of the fake sota.io server (see fake-sota.ts): logs, redeploy and rollback,
 * as pure functions over its state.
 */
import { errorBody } from './fake-sota-failures.js';
import {
  addDeployment,
  type FakeReply,
  type FakeSotaDeployment,
  type FakeSotaState,
} from './fake-sota-state.js';

function fail(status: number, message?: string, code?: string): FakeReply {
  return { status, body: errorBody(status, message, code) };
}

function newestFirst(state: FakeSotaState, projectId: string): FakeSotaDeployment[] {
  return state.deployments.filter((d) => d.projectId === projectId).reverse();
}

function started(d: FakeSotaDeployment): FakeReply {
  const data = {
    id: d.id,
    project_id: d.projectId,
    status: d.status,
    image_tag: `registry.sota.io/app:${d.imageOf.slice(0, 8)}`,
    created_at: d.createdAt,
    updated_at: d.createdAt,
  };
  return { status: 200, body: { data } };
}

/** `GET …/deployments/:id/logs`: `logs[id]` as text or `{ data }` (`logsFormat`); 404 when none; `logsStatus` overrides. */
export function deploymentLogs(state: FakeSotaState, projectId: string, deploymentId: string): FakeReply {
  if (state.logsStatus !== undefined) return fail(state.logsStatus);
  const deployment = state.deployments.find((d) => d.id === deploymentId && d.projectId === projectId);
  const text = state.logs.get(deploymentId);
  if (!deployment || text === undefined) return fail(404, 'Logs not found', 'not_found');
  if (state.logsFormat === 'json') return { status: 200, body: { data: text } };
  return { status: 200, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

/** `POST …/redeploy`: the live (newest running) image again, as a new `deploying` deployment. */
export function redeploy(state: FakeSotaState, projectId: string): FakeReply {
  const live = newestFirst(state, projectId).find((d) => d.status === 'running');
  if (!live) return fail(409, 'No running deployment to redeploy', 'conflict');
  return started(addDeployment(state, { projectId, status: 'deploying', imageOf: live.imageOf }));
}

/** `POST …/rollback`: the deployment before the running one, as a new `deploying` deployment; 409 without one. */
export function rollback(state: FakeSotaState, projectId: string): FakeReply {
  const all = newestFirst(state, projectId);
  const liveAt = all.findIndex((d) => d.status === 'running');
  const previous = liveAt < 0 ? undefined : all.slice(liveAt + 1).find((d) => d.status !== 'failed');
  if (!previous) return fail(409, 'Nothing to roll back to', 'conflict');
  return started(addDeployment(state, { projectId, status: 'deploying', imageOf: previous.imageOf }));
}
