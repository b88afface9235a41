import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type CommandOptions, TEST_TEAM, type TestApp } from '../helpers/test-app.js';

export interface SlackAnswer {
  response_type?: string;
  text?: string;
  blocks?: unknown[];
  _path?: string;
}

/** Sends `/sota <text>`, checks the immediate ack, and waits for the answer sent to its response_url. */
export async function runCommand(
  t: TestApp,
  text: string,
  opts: CommandOptions & { waitMs?: number } = {},
): Promise<SlackAnswer> {
  const before = t.responses.length;
  const res = await t.sendCommand(text, opts);
  expect(res.status).toBe(200);
  await t.waitFor(() => t.responses.length > before, opts.waitMs);
  return t.responses[before] as SlackAnswer;
}

/** A signed-ready sota.io event body for a project. */
export function deployEvent(projectId: string, event = 'deploy.started'): string {
  return JSON.stringify({
    event,
    project_id: projectId,
    deployment_id: randomUUID(),
    timestamp: new Date().toISOString(),
    data: {},
  });
}

/** The hooks (active and retired) the store holds for a project, found through the fake's webhook urls. */
export function hookIdOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** What the logs hold that must never be there. */
export function expectNoSecretIn(lines: readonly string[], secrets: readonly string[]): void {
  const all = lines.join('\n');
  for (const secret of secrets) expect(all).not.toContain(secret);
}

/**
 * Everything a refused request could have changed is unchanged, checked after a genuine command was
 * answered (so the app is still serving, and the refused ones were handled before it).
 */
export async function expectNothingHappened(t: TestApp): Promise<void> {
  const answer = await runCommand(t, 'list');
  expect(answer.text).toContain('follows no sota.io project yet');
  expect(t.responses).toHaveLength(1);
  expect(t.fakeSota.requests).toEqual([]);
  expect(t.fakeSlack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  expect(await t.store.listSubscriptions({ teamId: TEST_TEAM })).toEqual([]);
}
