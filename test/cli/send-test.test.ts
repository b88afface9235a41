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
import { closedPort } from '../helpers/closed-port.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
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

  it('--local reads the hook’s secret and project from the app’s store, and PORT from its settings', async () => {
    const env = { DATABASE_URL: `file:${join(t.dataDir, 'sota-slack.db')}`, PORT: String(t.app.port) };
    const before = await t.store.countEvents();
    const io = capture(env);
    const args = ['--local', '--hook', hookId, '--event', 'failed'];
    expect(await runSendTest(args, io)).toBe(0);
    expect(io.text).toMatch(/^202 /m);
    expect(io.text).not.toContain(secret);
    expect(await t.store.countEvents()).toBe(before + 1);
    const unknown = capture(env);
    expect(await runSendTest(['--local', '--port', String(t.app.port), '--hook', 'nohook'], unknown)).toBe(1);
    expect(unknown.text).toContain('no hook nohook');
  });

  it('--local reads its settings through the configuration, naming a bad one', async () => {
    const io = capture({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(await runSendTest(['--local', '--hook', hookId], io)).toBe(1);
    expect(io.text).toContain('PORT expects a whole number from 0 to 65535');
    expect(io.text).toContain('DATABASE_URL expects file:<path> or a plain path');
  });

  it('a URL without its scheme is named as such, not as a missing --url; nothing is sent', async () => {
    const io = capture();
    const before = await t.store.countEvents();
    const bare = hookUrl().replace(/^http:\/\//, '');
    expect(await runSendTest(['--url', bare, '--secret', secret], io)).toBe(1);
    expect(io.text).toContain(`--url has no http:// or https:// in front: did you mean http://${bare}?`);
    expect(io.text).not.toContain('--url is required');
    expect(await t.store.countEvents()).toBe(before);
  });

  it('says what is wrong with each argument at once, never echoing the secret', async () => {
    const io = capture();
    const argv = ['--url', 'ftp://x/webhooks/sota/a', '--secret', 'sk_live_private', '--project', 'shop'];
    argv.push('--event', 'deployed', '--hook', 'h', '--colour', 'stray');
    expect(await runSendTest(argv, io)).toBe(1);
    expect(
      io.text
        .split('\n')
        .filter((l) => l.startsWith('  --') || l.startsWith('  unexpected') || l.startsWith('  unknown')),
    ).toEqual([
      '  unknown option --colour (see the usage below)',
      '  unexpected argument "stray": every value follows its option, e.g. --url <webhook url>',
      '  --event expects deploy.started, deploy.succeeded or deploy.failed (or started, succeeded, failed)',
      '  --project expects a sota.io project id, a UUID such as 550e8400-e29b-41d4-a716-446655440000',
      '  --url expects http:// or https://, not ftp://',
      '  --secret expects the webhook’s signing secret, which starts with whsec_',
      '  --hook is only used with --local',
    ]);
    expect(io.text).toContain('send-test: 7 problems with the arguments or settings:');
    expect(io.text).not.toContain('sk_live_private');
  });

  it('--local checks its own arguments', async () => {
    const io = capture();
    expect(
      await runSendTest(['--local', '--url', hookUrl(), '--hook', 'bad id', '--port', '70000'], io),
    ).toBe(1);
    expect(io.text).toContain('--url and --local exclude each other');
    expect(io.text).toContain('--hook expects a hook id: letters, digits, - and _');
    expect(io.text).toContain('--port expects a port number from 1 to 65535');
    const missing = capture();
    expect(await runSendTest(['--local', '--url'], missing)).toBe(1);
    expect(missing.text).toContain('--url needs a value after it');
    expect(missing.text).toContain('--local needs --hook <hook id>');
  });

  it('names an app that does not answer by the kind of failure', async () => {
    const io = capture();
    const closed = `http://127.0.0.1:${await closedPort()}/webhooks/sota/${hookId}`;
    expect(await runSendTest(['--url', closed, '--secret', secret], io)).toBe(1);
    expect(io.text).toContain(`send-test: no answer from ${closed}: connection refused`);
  });

  it('refuses incomplete arguments with its usage', async () => {
    const io = capture();
    expect(await runSendTest(['--url', hookUrl()], io)).toBe(1);
    expect(io.text).toContain('--secret is required with --url: the whsec_… secret sota.io gave the webhook');
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
