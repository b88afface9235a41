import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { buttonPress, CHANNEL, subscribeShop } from './button-kit.js';
import { runCommand } from './slack-test-kit.js';

let t: TestApp;
let projectId: string;
let deploymentId: string;

beforeEach(async () => {
  t = await startTestApp();
  ({ projectId } = await subscribeShop(t));
  deploymentId = t.fakeSota.addDeployment({ projectId, status: 'failed' }).id;
});
afterEach(async () => t.stop());

const press = (triggerId = 'trigger-logs') =>
  t.sendInteraction(buttonPress({ actionId: 'sota_view_logs', projectId, deploymentId, triggerId }));

/** The modal's text after views.update filled it. */
async function filledModal(): Promise<string> {
  const update = await t.waitFor(() => t.fakeSlack.callsTo('views.update')[0]);
  const opened = t.fakeSlack.callsTo('views.open')[0];
  expect(opened?.body.trigger_id).toBe('trigger-logs');
  expect(JSON.stringify(opened?.body.view)).toContain('Fetching the logs');
  expect(update.body.view_id).toBe(t.fakeSlack.views[0]?.id);
  return JSON.stringify(update.body.view);
}

describe('View logs', () => {
  it('opens a loading modal, then shows the last lines: ANSI removed, credentials redacted', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `step ${i}: compiling module ${'x'.repeat(20)}`);
    lines.push('\u001b[31mError: Cannot find module next\u001b[0m');
    lines.push('DATABASE_URL=postgres://app:hunter2hunter2@db:5432/app API_TOKEN=sota_abcdef0123456789');
    t.fakeSota.logs.set(deploymentId, lines.join('\n'));
    expect((await press()).status).toBe(200);
    const modal = await filledModal();
    expect(modal).toContain('Error: Cannot find module next');
    expect(modal).not.toContain('\\u001b');
    expect(modal).not.toContain('hunter2');
    expect(modal).not.toContain('sota_abcdef0123456789');
    expect(modal).toContain('[redacted]');
    expect(modal).not.toContain('step 0:');
    expect(modal).toContain('step 399:');
    const section = (JSON.parse(modal) as { blocks: Array<{ text?: { text: string } }> }).blocks[1];
    expect(section?.text?.text.length).toBeLessThanOrEqual(3000);
    expect(t.fakeSota.requests.at(-1)?.path).toBe(
      `/v1/projects/${projectId}/deployments/${deploymentId}/logs`,
    );
  });

  it('reads logs sent as { data }', async () => {
    t.fakeSota.logsFormat = 'json';
    t.fakeSota.logs.set(deploymentId, 'npm ERR! missing script: build');
    await press();
    expect(await filledModal()).toContain('npm ERR! missing script: build');
  });

  it.each([
    ['no logs (404)', () => undefined, 'has no logs for this deployment'],
    ['no logs endpoint (405)', () => (t.fakeSota.logsStatus = 405), 'does not serve logs'],
    ['sota.io down', () => t.fakeSota.failAlways('GET *', { kind: 'status', status: 503 }), 'did not answer'],
    [
      'the key cannot read the project (403)',
      () => t.fakeSota.failAlways('GET *', { kind: 'status', status: 403 }),
      'No sota.io key this workspace may use can read',
    ],
    [
      'the key is refused (401)',
      () => t.fakeSota.failAlways('GET *', { kind: 'status', status: 401 }),
      'No sota.io key this workspace may use can read',
    ],
  ])('%s: the modal says so and gives the `sota logs` command', async (_name, arrange, says) => {
    arrange();
    await press();
    const modal = await filledModal();
    expect(modal).toContain(says);
    expect(modal).toContain('sota logs');
  });

  it('a project unsubscribed since the message was posted: the modal says it is not followed here', async () => {
    await runCommand(t, 'unsubscribe shop', { channelId: CHANNEL });
    const before = t.fakeSota.requests.filter((r) => r.path.endsWith('/logs')).length;
    await press();
    const modal = await filledModal();
    expect(modal).toContain('This workspace does not follow this project');
    expect(modal).toContain('sota logs');
    expect(t.fakeSota.requests.filter((r) => r.path.endsWith('/logs')).length).toBe(before);
  });

  it('a forged click is refused with 401: no modal, no sota.io call', async () => {
    const before = t.fakeSota.requests.length;
    const body = new URLSearchParams({
      payload: JSON.stringify(buttonPress({ actionId: 'sota_view_logs', projectId, deploymentId })),
    }).toString();
    const res = await t.postSlack(body, 'application/x-www-form-urlencoded', {
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.fakeSlack.callsTo('views.open')).toHaveLength(0);
    expect(t.fakeSota.requests.length).toBe(before);
  });

  it('a project this workspace does not follow is never looked up, and the modal says so', async () => {
    const other = t.fakeSota.addProject({ name: 'other' });
    const before = t.fakeSota.requests.length;
    await t.sendInteraction(
      buttonPress({
        actionId: 'sota_view_logs',
        projectId: other.id,
        deploymentId,
        triggerId: 'trigger-logs',
      }),
    );
    const modal = await filledModal();
    expect(modal).toContain('This workspace does not follow this project');
    expect(modal).not.toContain('did not answer');
    expect(modal).toContain('sota logs');
    expect(t.fakeSota.requests.length).toBe(before);
  });
});
