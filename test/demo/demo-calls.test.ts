/**
 * What the demo's day made the real app do, read from the Slack and sota.io stand-ins themselves:
 * the reason looked up and added to the same message, the logs modal, and one allowed rollback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS, DEMO_USER } from '../../scripts/demo/demo-cast.js';
import { type DemoResult, runDemo } from '../../scripts/demo/run-demo.js';

const outDir = mkdtempSync(join(tmpdir(), 'sota-slack-demo-calls-'));
const DEPLOYS = DEMO_CHANNELS.deploys.id;
let result: DemoResult;

beforeAll(async () => {
  result = await runDemo({ write: () => {}, colour: false, previewPath: join(outDir, 'preview.html') });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const idOf = (deployment: string) => {
  const step = result.played.find((p) => p.step.deployment === deployment);
  if (!step) throw new Error(`the demo played no ${deployment}`);
  return step.deploymentId;
};
const slack = (method: string) => result.slackCalls.filter((c) => c.method === method && c.result === 'ok');
const sota = (method: string, path: RegExp) =>
  result.sotaRequests.filter((r) => r.method === method && path.test(r.path));
const blocksOf = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.blocks ?? []);

describe('the demo, as the stand-ins saw it', () => {
  it('looks up the reason of the failure sent without one and updates the same message with it', () => {
    const failed = result.played.find((p) => p.step.event === 'deploy.failed');
    expect(failed?.status).toBe(202);
    expect(failed?.step.data).not.toHaveProperty('error_message');
    const broken = idOf('shop-2');
    const lookups = sota('GET', /\/deployments$/).filter((r) => r.query.limit === '20');
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    const updates = slack('chat.update').filter(
      (c) => c.body.channel === DEPLOYS && blocksOf(c).includes(broken),
    );
    const withReason = updates.filter((c) => String(c.body.text).includes("Cannot find module 'next'"));
    expect(updates.length).toBeGreaterThan(withReason.length);
    expect(withReason.length).toBeGreaterThanOrEqual(1);
    expect(new Set(updates.map((c) => c.body.ts)).size).toBe(1);
    const posts = slack('chat.postMessage').filter((c) => c.body.channel === DEPLOYS && !c.body.thread_ts);
    expect(posts.filter((c) => String(c.body.text).includes('Cannot find module'))).toHaveLength(0);
  });

  it('opens the loading modal on the View logs click, then fills it with the logs', () => {
    const [opened] = slack('views.open');
    expect(opened?.body.trigger_id).toMatch(/trigger/);
    expect(JSON.stringify(opened?.body.view)).toContain('Fetching the logs');
    const [filled] = slack('views.update');
    expect(filled?.body.view_id).toMatch(/^V/);
    expect(JSON.stringify(filled?.body.view)).toContain('npm ERR! code 1');
    expect(sota('GET', new RegExp(`/deployments/${idOf('shop-2')}/logs$`))).toHaveLength(1);
    expect(result.presses.find((p) => p.modal)?.status).toBe(200);
  });

  it('makes exactly one rollback call for the allowed press, and replies in its thread naming the presser', () => {
    expect(result.commands.find((c) => c.command.startsWith('/sota actions'))?.answer.text).toContain(
      `<@${DEMO_USER.id}> can press Redeploy and Roll back`,
    );
    expect(sota('POST', /\/rollback$/)).toHaveLength(1);
    expect(sota('POST', /\/redeploy$/)).toHaveLength(0);
    const live = slack('chat.update').find(
      (c) =>
        c.body.channel === DEPLOYS &&
        blocksOf(c).includes('sota_rollback') &&
        blocksOf(c).includes(idOf('shop-3')),
    );
    const replies = slack('chat.postMessage').filter((c) => c.body.thread_ts === live?.body.ts);
    expect(replies.map((c) => String(c.body.text))).toContainEqual(
      expect.stringMatching(
        /^<@U0ALEX> rolled back Shop Frontend: sota\.io started deployment `[0-9a-f]{8}` \(deploying\)$/,
      ),
    );
  });
});
