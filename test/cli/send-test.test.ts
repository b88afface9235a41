/**
 * `sota-slack send-test` against the real app from the test harness: the sample event is signed the
 * way sota.io signs it, so the right secret gets 202 and a wrong one 401.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleEvent, runSendTest } from '../../src/cli/send-test.js';
import { sotaEventSchema } from '../../src/sota/event.js';
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from '../helpers/test-app.js';
import { hookIdOf, runCommand } from '../slack/slack-test-kit.js';

const CHANNEL = 'C0DEPLOYS';
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sota-slack.js');

let t: TestApp;
let hookId: string;
let secret: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  projectId = t.fakeSota.addProject({ name: 'Shop Frontend', slug: 'shop' }).id;
  await runCommand(t, 'subscribe shop', { channelId: CHANNEL });
  const webhook = t.fakeSota.webhooks.find((w) => w.projectId === projectId);
  if (!webhook) throw new Error('no webhook registered');
  hookId = hookIdOf(webhook.url);
  secret = webhook.secret;
});

afterAll(async () => {
  await t?.stop();
});

function capture(env: NodeJS.ProcessEnv = {}) {
  const io = {
    env,
    text: '',
    out(s: string) {
      io.text += s;
    },
    err(s: string) {
      io.text += s;
    },
  };
  return io;
}

const hookUrl = () => `${t.url}/webhooks/sota/${hookId}`;

describe('send-test', () => {
  it('gets 202 with the right secret, exits 0, and the sample reaches the subscribed channel', async () => {
    const io = capture();
    const code = await runSendTest(['--url', hookUrl(), '--secret', secret, '--project', projectId], io);
    expect(code).toBe(0);
    expect(io.text).toMatch(/^202 /m);
    const [message] = await t.waitFor(() => {
      const messages = t.fakeSlack.messagesIn(CHANNEL);
      return messages.length > 0 ? messages : undefined;
    });
    expect(String(message?.text)).toContain('Shop Frontend');
    expect(String(message?.text)).toContain('https://sample.sota.io');
    expect(io.text).not.toContain(secret);
  });

  it('gets 401 with a wrong secret, exits 1, and stores nothing', async () => {
    const before = await t.store.countEvents();
    const io = capture();
    const code = await runSendTest(
      ['--url', hookUrl(), '--secret', `${secret}x`, '--project', projectId],
      io,
    );
    expect(code).toBe(1);
    expect(io.text).toMatch(/^401 /m);
    expect(io.text).toContain('the signature did not verify');
    expect(await t.store.countEvents()).toBe(before);
  });

  it('explains a 400 when the signature verifies but the project is not the hook’s', async () => {
    const io = capture();
    expect(await runSendTest(['--url', hookUrl(), '--secret', secret], io)).toBe(1);
    expect(io.text).toMatch(/^400 /m);
    expect(io.text).toContain('--project');
  });

  it('--local reads the hook’s secret and project from the app’s store', async () => {
    const env = {
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      DATABASE_URL: `file:${join(t.dataDir, 'sota-slack.db')}`,
    };
    const before = await t.store.countEvents();
    const io = capture(env);
    const args = ['--local', '--port', String(t.app.port), '--hook', hookId, '--event', 'failed'];
    expect(await runSendTest(args, io)).toBe(0);
    expect(io.text).toMatch(/^202 /m);
    expect(io.text).not.toContain(secret);
    expect(await t.store.countEvents()).toBe(before + 1);
    const unknown = capture(env);
    expect(await runSendTest(['--local', '--port', String(t.app.port), '--hook', 'nohook'], unknown)).toBe(1);
    expect(unknown.text).toContain('no hook nohook');
  });

  it('refuses incomplete arguments with its usage', async () => {
    const io = capture();
    expect(await runSendTest(['--url', hookUrl()], io)).toBe(1);
    expect(io.text).toContain('--secret <whsec_…> is required');
    expect(io.text).toContain('Usage:');
    const bad = capture();
    expect(await runSendTest(['--url', hookUrl(), '--secret', secret, '--event', 'deploy.rolled'], bad)).toBe(
      1,
    );
    expect(bad.text).toContain('--event expects');
  });

  it('builds a sample event that parses as a sota.io event of the given project', () => {
    const parsed = sotaEventSchema.parse(JSON.parse(buildSampleEvent(projectId, 'deploy.failed', 0)));
    expect(parsed).toMatchObject({
      event: 'deploy.failed',
      project_id: projectId,
      timestamp: '1970-01-01T00:00:00Z',
    });
    expect(parsed.data.error_message).toBeTruthy();
  });
});

describe('bin/sota-slack.js send-test', () => {
  it('exits 0 on 202 and 1 on 401, printing the status', async () => {
    const ok = await run(process.execPath, [
      BIN,
      'send-test',
      '--url',
      hookUrl(),
      '--secret',
      secret,
      '--project',
      projectId,
    ]);
    expect(ok.stdout).toMatch(/^202 /m);
    const refused = run(process.execPath, [
      BIN,
      'send-test',
      '--url',
      hookUrl(),
      '--secret',
      'whsec_wrong',
      '--project',
      projectId,
    ]);
    await expect(refused).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/^401 /m) });
  });

  it('lists its commands and refuses an unknown one', async () => {
    const help = await run(process.execPath, [BIN, '--help']);
    expect(help.stdout).toContain('send-test');
    await expect(run(process.execPath, [BIN, 'no-such-command'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown command "no-such-command"'),
    });
  });
});
