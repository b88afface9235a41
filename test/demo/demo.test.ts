/**
 * `npm run demo` as a newcomer runs it: a child process that must end on its own with exit code 0,
 * print the story, and leave an HTML preview behind (and nothing else).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DAY } from '../../scripts/demo/demo-day.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const outDir = mkdtempSync(join(tmpdir(), 'sota-slack-demo-test-'));
const previewPath = join(outDir, 'preview.html');
const dataDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('sota-slack-demo-data-'));

let stdout = '';
let stderr = '';
let dataDirsBefore: string[] = [];

beforeAll(async () => {
  dataDirsBefore = dataDirs();
  const env = { ...process.env, NO_COLOR: '', LOG_LEVEL: 'debug' };
  ({ stdout, stderr } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/demo.ts', '--out', previewPath],
    {
      cwd: ROOT,
      env,
    },
  ));
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('ends by itself with exit code 0, no log lines and no colours in a pipe', () => {
    expect(stderr).toBe('');
    expect(stdout).not.toContain('"level"');
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/Done in \d+\.\d s\.\n$/);
  });

  it('subscribes both channels through /sota, with the filter', () => {
    expect(stdout).toContain('#deploys       /sota subscribe shop\n');
    expect(stdout).toContain(
      '@alex subscribed this channel to Shop Frontend (`shop`) (started, succeeded, failed).',
    );
    expect(stdout).toContain('@alex subscribed this channel to Payments API (`payments-api`)');
    expect(stdout).toContain('@alex subscribed this channel to Shop Frontend (`shop`) (failed + changes).');
  });

  it('answers every webhook of the day 202 and shows what each one changed in Slack', () => {
    expect(stdout.match(/→ 202$/gm)).toHaveLength(DEMO_DAY.length);
    expect(stdout).toMatch(/#deploys +posted +⏳ Shop Frontend is deploying/);
    expect(stdout).toMatch(/#deploys +updated +✅ Shop Frontend deployed — live at https:\/\/shop\.sota\.io/);
    expect(stdout).toMatch(/#deploys +↳ thread +✅ Live at https:\/\/shop\.sota\.io after 2 m/);
    expect(stdout).toMatch(/#shop-alerts +posted +❌ Shop Frontend failed to deploy \(broke/);
    expect(stdout).toMatch(/#deploys +↳ thread +❌ Failed after 1 m\n/);
  });

  it('adds the reason sota.io lists to the failure that came without one, in the same messages', () => {
    const failure = stdout.slice(stdout.indexOf('deploy.failed'), stdout.indexOf('@alex presses'));
    expect(failure).toMatch(/^deploy\.failed[^\n]*→ 202\n[^\n]*gives no reason/);
    // The channels' deliveries run side by side: each phase is checked whatever their order.
    const [before = '', after = ''] = failure.split(
      / +sota\.io +called +GET \/v1\/projects\/[0-9a-f]{8}\/deployments\?limit=20\n/,
    );
    expect(before).toMatch(/ +#deploys +updated +❌ Shop Frontend failed to deploy\n/);
    expect(before).toMatch(/ +#shop-alerts +posted +❌ Shop Frontend failed to deploy \(broke/);
    expect(before).toMatch(/ +#deploys +↳ thread +❌ Failed after 1 m\n/);
    expect(before).not.toContain('Cannot find module');
    expect(after).toMatch(
      / +#deploys +updated +❌ Shop Frontend failed to deploy: Build failed[^\n]*Cannot find module 'next'\n/,
    );
    expect(after).toMatch(/ +#shop-alerts +updated +❌ Shop Frontend failed to deploy: Build failed/);
    expect(after.match(/ updated /g)).toHaveLength(2);
  });

  it('opens the logs modal on a View logs click: loading first, then the last lines', () => {
    const press = stdout.slice(stdout.indexOf('@alex presses “View logs”'));
    expect(press).toMatch(
      /^@alex presses “View logs” Shop Frontend +[0-9a-f]{8} +→ 200\n[^\n]*\n +@alex \(modal\) +opened +Shop Frontend · deployment `[0-9a-f]{8}`\n +⏳ Fetching the logs from sota\.io…\n +sota\.io +called +GET \/v1\/projects\/[0-9a-f]{8}\/deployments\/[0-9a-f]{8}\/logs\n +@alex \(modal\) +updated +Shop Frontend · deployment[^\n]*\n[^\n]*next\/font[^\n]*\n +npm ERR! code 1\n/,
    );
  });

  it('lets @alex roll back once /sota actions allows it: one call, the reply in the thread', () => {
    expect(stdout).toContain('#deploys       /sota actions @alex\n');
    expect(stdout).toContain('From now on, @alex can press Redeploy and Roll back');
    const press = stdout.slice(stdout.indexOf('@alex presses “Roll back”'));
    expect(press).toMatch(
      /^@alex presses “Roll back” Shop Frontend +[0-9a-f]{8} +→ 200\n[^\n]*\n +sota\.io +called +GET [^\n]*\n +sota\.io +called +POST \/v1\/projects\/[0-9a-f]{8}\/rollback\n +#deploys +↳ thread +@alex rolled back Shop Frontend: sota\.io started deployment `[0-9a-f]{8}` \(deploying\)\n/,
    );
    expect(stdout.match(/POST \/v1\/projects\/[0-9a-f]{8}\/rollback/g)).toHaveLength(1);
  });

  it('keeps a late start from undoing a success, and a repeated delivery from posting again', () => {
    const late = stdout.slice(stdout.indexOf('the late start adds its time'));
    expect(late).toMatch(/^the late start[^\n]*\n +#deploys +updated +✅ Payments API deployed/);
    expect(stdout.match(/no change in Slack/g)).toHaveLength(1);
    expect(stdout).toMatch(/the same delivery again[^\n]*\n +no change in Slack/);
  });

  it('answers /sota list and sums up what each channel shows', () => {
    expect(stdout).toContain('This channel follows 2 sota.io projects:');
    expect(stdout).toContain('#deploys — 7 messages');
    expect(stdout).toContain('#shop-alerts — 2 messages\n');
  });

  it('mutes, unmutes with one summary, posts the digest, unfurls a link and tells the subscriber of a paused channel', () => {
    expect(stdout).toContain('muted until');
    expect(stdout).toMatch(/#deploys +posted +🔔 Notifications are back/);
    expect(stdout).toMatch(/#deploys +posted +📊 Deployments of \d{4}-\d{2}-\d{2}: 5 deployments, 1 failed/);
    expect(stdout).toMatch(/#deploys +unfurled +https:\/\/shop\.sota\.io\/pricing/);
    expect(stdout).toMatch(/@alex \(DM\) +posted +⏸ I stopped posting sota\.io deployments of Shop Frontend/);
    expect(stderr).toBe('');
  });

  it('writes the HTML preview where asked and prints its path', () => {
    expect(stdout).toContain(`open ${previewPath}`);
    const html = readFileSync(previewPath, 'utf8');
    expect(html).toContain('<div class="channel-name">#shop-alerts</div>');
    expect(html).toContain('<div class="b-header">❌ Shop Frontend failed to deploy</div>');
    expect(html).toContain('Cannot find module &#39;next&#39;');
    expect(html.match(/<div class="thread-count">1 reply<\/div>/g)).toHaveLength(3);
    expect(html).toContain('<div class="thread-count">2 replies</div>');
    expect(html).toContain('used <code>View logs</code>');
    expect(html).toContain('npm ERR! code 1</pre>');
    expect(html).toContain('used <code>/sota list</code>');
    expect(html).toContain('sota · Messages (to @alex)');
    expect(html).toContain('Shop Frontend</b> on sota.io');
  });

  it('prints no secret and leaves no store behind', () => {
    expect(stdout).not.toContain('whsec_');
    expect(stdout).not.toContain('xoxb-');
    const left = dataDirs().filter((name) => !dataDirsBefore.includes(name));
    expect(left).toEqual([]);
    expect(existsSync(previewPath)).toBe(true);
  });
});
