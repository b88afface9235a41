import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadStoreConfig } from '../../src/config/load-config.js';

const base = { SLACK_SIGNING_SECRET: 'sig', SLACK_BOT_TOKEN: 'xoxb-1-2-3' };
const KEY = Buffer.alloc(32, 3).toString('base64');

function problemsOf(
  env: Record<string, string>,
  load: (env: Record<string, string>) => unknown = loadConfig,
): string[] {
  try {
    load(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.slack).toEqual({ kind: 'single', botToken: 'xoxb-1-2-3' });
    expect(config.slackApiUrl).toBe('https://slack.com/api/');
    expect(config.sotaApiUrl).toBe('https://api.sota.io');
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/sota-slack.db' });
    expect(config.logLevel).toBe('info');
    expect(config.eventMaxAgeMs).toBe(24 * 3_600_000);
    expect(config.encryptionKey).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('selects the store from DATABASE_URL', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'file:/tmp/x.db' }).database).toEqual({
      kind: 'sqlite',
      path: '/tmp/x.db',
    });
    expect(loadConfig({ ...base, DATABASE_URL: './a/b.db' }).database).toEqual({
      kind: 'sqlite',
      path: './a/b.db',
    });
    expect(
      loadConfig({ ...base, DATABASE_URL: 'postgresql://u@h/db', ENCRYPTION_KEY: KEY }).database,
    ).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h/db',
    });
    expect(problemsOf({ ...base, DATABASE_URL: 'mysql://h/db' })).toEqual([
      'DATABASE_URL expects file:<path> or a plain path (SQLite), or postgres://… (PostgreSQL); mysql:// is not supported',
    ]);
  });

  it('selects multi-workspace mode when the three OAuth values are set', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 'secret',
      SLACK_STATE_SECRET: 'state',
    });
    expect(config.slack).toEqual({
      kind: 'multi',
      clientId: 'id',
      clientSecret: 'secret',
      stateSecret: 'state',
    });
  });

  it('names every missing OAuth value in multi-workspace mode', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id' })).toEqual([
      'SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID ("Add to Slack" needs all three), or unset them and set SLACK_BOT_TOKEN',
      'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID ("Add to Slack" needs all three), or unset them and set SLACK_BOT_TOKEN',
    ]);
  });

  it('reports every problem at once, one line per variable, without echoing values', () => {
    const secretish = 'not-a-key-but-private-value';
    const problems = problemsOf({
      PORT: 'abc',
      PUBLIC_URL: 'not a url',
      ENCRYPTION_KEY: secretish,
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'PORT',
      'PUBLIC_URL',
      'SLACK_SIGNING_SECRET',
      'SLACK_BOT_TOKEN',
      'ENCRYPTION_KEY',
      'LOG_LEVEL',
    ]);
    expect(problems.join('\n')).not.toContain(secretish);
    expect(problems.join('\n')).not.toContain('xoxp-user-token');
  });

  it('accepts a 32-byte ENCRYPTION_KEY as hex or base64 and rejects other lengths', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ ...base, ENCRYPTION_KEY: hex }).encryptionKey?.toString('hex')).toBe(hex);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...base, ENCRYPTION_KEY: b64 }).encryptionKey).toEqual(Buffer.alloc(32, 7));
    expect(problemsOf({ ...base, ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })[0]).toMatch(
      /^ENCRYPTION_KEY /,
    );
  });

  it('normalises URLs and treats blank values as unset', () => {
    const config = loadConfig({
      ...base,
      PUBLIC_URL: 'https://bot.example.com/',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      SOTA_API_URL: 'http://127.0.0.1:8/',
      SOTA_API_TOKEN: '  ',
    });
    expect(config.publicUrl).toBe('https://bot.example.com');
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9/api/');
    expect(config.sotaApiUrl).toBe('http://127.0.0.1:8');
    expect(config.sotaApiToken).toBeUndefined();
  });

  it('reads SOTA_API_TOKEN_TEAMS as a list of team ids and refuses anything else', () => {
    expect(loadConfig({ ...base, SOTA_API_TOKEN_TEAMS: 'T0AAA, E0BBB' }).sotaApiTokenTeams).toEqual([
      'T0AAA',
      'E0BBB',
    ]);
    expect(loadConfig(base).sotaApiTokenTeams).toBeUndefined();
    expect(problemsOf({ ...base, SOTA_API_TOKEN_TEAMS: 'T0AAA,acme' })[0]).toMatch(/^SOTA_API_TOKEN_TEAMS /);
  });

  it('loadStoreConfig reads the store settings without asking for Slack ones', () => {
    const config = loadStoreConfig({ DATABASE_URL: 'postgres://u@h/db', ENCRYPTION_KEY: KEY, PORT: '4000' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(config.port).toBe(4000);
    expect(config.encryptionKey).toEqual(Buffer.alloc(32, 3));
    expect(problemsOf({ DATABASE_URL: 'postgres://u@h/db', LOG_LEVEL: 'chatty' }, loadStoreConfig)).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY is required with PostgreSQL/),
      'LOG_LEVEL expects one of debug, info, warn, error',
    ]);
  });
});

/** The mistakes a new user makes in the first hour, as the config loader meets them. */
describe('loadConfig: the first start of a new user', () => {
  it('PORT=abc and DATABASE_URL=mysql://x are both reported, with the missing Slack settings', () => {
    expect(problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toEqual([
      'PORT expects a whole number from 0 to 65535 (the HTTP port), e.g. 3000',
      "SLACK_SIGNING_SECRET is required: the Signing Secret from the Slack app's Basic Information page",
      'SLACK_BOT_TOKEN is required (the xoxb- bot token for one workspace), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"',
      'DATABASE_URL expects file:<path> or a plain path (SQLite), or postgres://… (PostgreSQL); mysql:// is not supported',
    ]);
  });

  it('PostgreSQL without ENCRYPTION_KEY is a configuration line, beside the other problems', () => {
    expect(problemsOf({ ...base, DATABASE_URL: 'postgres://db/app', PORT: '99999' })).toEqual([
      'PORT expects a whole number from 0 to 65535 (the HTTP port), e.g. 3000',
      'ENCRYPTION_KEY is required with PostgreSQL (DATABASE_URL is postgres://…): set the same 32-byte key on every instance, e.g. from `openssl rand -base64 32`',
    ]);
    expect(problemsOf({ ...base, DATABASE_URL: 'postgres://db/app', ENCRYPTION_KEY: KEY })).toEqual([]);
  });

  it('a bot token beside half of the OAuth values names both modes', () => {
    expect(problemsOf({ ...base, SLACK_CLIENT_ID: 'id', SLACK_STATE_SECRET: 'st' })).toEqual([
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_STATE_SECRET are both set: choose one Slack mode, SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"',
    ]);
  });

  it("LOG_LEVEL and every other malformed value are described in our words, not the validator's", () => {
    const problems = problemsOf({
      ...base,
      LOG_LEVEL: 'verbose',
      EVENT_MAX_AGE_HOURS: '-1',
      PORT: '3000.5',
      SLACK_API_URL: 'slack.com/api',
      SOTA_API_URL: 'ftp://api.sota.io',
      ENCRYPTION_KEY_PREVIOUS: 'short',
    });
    expect(problems).toEqual([
      'PORT expects a whole number from 0 to 65535 (the HTTP port), e.g. 3000',
      'SLACK_API_URL expects an http:// or https:// URL, e.g. https://slack.com/api/',
      'SOTA_API_URL expects an http:// or https:// URL, e.g. https://api.sota.io',
      'ENCRYPTION_KEY_PREVIOUS expects 32 random bytes as base64 (44 characters) or hex (64 characters), e.g. from `openssl rand -base64 32`',
      'LOG_LEVEL expects one of debug, info, warn, error',
      'EVENT_MAX_AGE_HOURS expects a positive number of hours, e.g. 24',
    ]);
    expect(problems.join('\n')).not.toMatch(/Invalid|received|Expected|option|Too (small|big)|>=|<=/);
  });

  it('every mistake at once: one line each, each naming its variable first', () => {
    const problems = problemsOf({
      PORT: '-1',
      PUBLIC_URL: 'sota-slack.example.com',
      SLACK_BOT_TOKEN: 'xoxp-user',
      SLACK_CLIENT_SECRET: 'half',
      DATABASE_URL: 'postgres://db/app',
      LOG_LEVEL: 'loud',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'PORT',
      'PUBLIC_URL',
      'SLACK_SIGNING_SECRET',
      'SLACK_BOT_TOKEN',
      'SLACK_BOT_TOKEN',
      'ENCRYPTION_KEY',
      'LOG_LEVEL',
    ]);
    expect(problems.every((p) => !p.includes('\n'))).toBe(true);
  });
});
