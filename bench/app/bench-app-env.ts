import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const BENCH_SIGNING_SECRET = 'bench-slack-signing-secret';
export const BENCH_BOT_TOKEN = 'xoxb-bench-single-T0BENCH';
export const BENCH_TEAM = 'T0BENCH';

export interface BenchAppEnvOptions {
  dataDir: string;
  slackApiUrl: string;
  /** Multi-workspace mode (installations in the store) instead of one SLACK_BOT_TOKEN. */
  multi?: boolean;
  /** The same 32-byte key for the seeding process and the app (hex). */
  encryptionKey?: string;
}

/** A fresh 32-byte key as hex, for ENCRYPTION_KEY. */
export function newEncryptionKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The environment the app runs with in the benchmarks: embedded SQLite under `dataDir`, Slack at the
 * local fake, the sota.io API at a loopback address nothing listens on (the benchmarks never need it).
 */
export function benchAppEnv(options: BenchAppEnvOptions): Record<string, string> {
  const slack: Record<string, string> = options.multi
    ? {
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'bench-client-secret',
        SLACK_STATE_SECRET: 'bench-state-secret',
      }
    : { SLACK_BOT_TOKEN: BENCH_BOT_TOKEN };
  return {
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    SOTA_API_URL: 'http://127.0.0.1:9',
    DATABASE_URL: `file:${join(options.dataDir, 'sota-slack.db')}`,
    ENCRYPTION_KEY: options.encryptionKey ?? newEncryptionKey(),
    LOG_LEVEL: 'info',
    ...slack,
  };
}

/** The environment of a child process: PATH and HOME from ours, nothing else leaks in. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG'];
  const base = Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  return { ...base, NODE_ENV: 'production', ...vars };
}
