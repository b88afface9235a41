import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

const base = { SLACK_SIGNING_SECRET: 'sig', SLACK_BOT_TOKEN: 'xoxb-1-2-3' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
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
    expect(loadConfig({ ...base, DATABASE_URL: 'postgresql://u@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h/db',
    });
    expect(problemsOf({ ...base, DATABASE_URL: 'mysql://h/db' })).toEqual([
      'DATABASE_URL expects file:<path>, a plain path, or postgres://…',
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
      'SLACK_CLIENT_SECRET is required in multi-workspace mode (or set SLACK_BOT_TOKEN instead)',
      'SLACK_STATE_SECRET is required in multi-workspace mode (or set SLACK_BOT_TOKEN instead)',
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
});
