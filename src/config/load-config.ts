import { checkKeyForDatabase, type DatabaseConfig, parseDatabase } from './database.js';
import { parseKey } from './parse-key.js';
import { parseSlackMode, type SlackMode } from './slack-mode.js';
import { readVariables, VARIABLE_ORDER, type VariableName } from './variables.js';

export type { DatabaseConfig } from './database.js';
export { parseKey } from './parse-key.js';
export type { SlackMode } from './slack-mode.js';

/** Thrown when the environment cannot start the app; `problems` has one line per problem, each naming its variable. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the store and the command-line tools need: no Slack settings. */
export interface StoreConfig {
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Raw 32-byte key, or undefined when the embedded key file should be used. */
  readonly encryptionKey: Buffer | undefined;
  readonly previousEncryptionKey: Buffer | undefined;
  readonly logLevel: LogLevel;
}

export interface Config extends StoreConfig {
  readonly publicUrl: string | undefined;
  readonly slackSigningSecret: string;
  readonly slack: SlackMode;
  readonly slackApiUrl: string;
  readonly sotaApiUrl: string;
  readonly sotaApiToken: string | undefined;
  /** Multi-workspace mode: the teams that may use `sotaApiToken`; undefined when not set (then none may). */
  readonly sotaApiTokenTeams: readonly string[] | undefined;
  readonly eventMaxAgeMs: number;
}

const STORE_VARIABLES = [
  'PORT',
  'DATABASE_URL',
  'ENCRYPTION_KEY',
  'ENCRYPTION_KEY_PREVIOUS',
  'LOG_LEVEL',
] as const;
const APP_VARIABLES = [
  'PUBLIC_URL',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_API_URL',
  'SOTA_API_URL',
  'SOTA_API_TOKEN',
  'SOTA_API_TOKEN_TEAMS',
  'EVENT_MAX_AGE_HOURS',
] as const;

function readStore(env: NodeJS.ProcessEnv, problems: string[]): StoreConfig {
  const v = readVariables(env, STORE_VARIABLES, problems);
  const database = parseDatabase(env, problems);
  checkKeyForDatabase(env, database, problems);
  return {
    port: v.PORT ?? 3000,
    database,
    encryptionKey: v.ENCRYPTION_KEY ? parseKey(v.ENCRYPTION_KEY) : undefined,
    previousEncryptionKey: v.ENCRYPTION_KEY_PREVIOUS ? parseKey(v.ENCRYPTION_KEY_PREVIOUS) : undefined,
    logLevel: v.LOG_LEVEL ?? 'info',
  };
}

/** Problems in the order the variables are documented, so the output reads like the README's table. */
function throwIfAny(problems: string[]): void {
  if (problems.length === 0) return;
  const rank = (line: string) => {
    const at = VARIABLE_ORDER.indexOf(line.split(' ')[0] as VariableName);
    return at === -1 ? VARIABLE_ORDER.length : at;
  };
  throw new ConfigError([...problems].sort((a, b) => rank(a) - rank(b)));
}

/**
 * The settings the command-line tools need (store, key, port), read and checked like the app's own;
 * Slack settings are neither read nor required.
 */
export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const problems: string[] = [];
  const store = readStore(env, problems);
  throwIfAny(problems);
  return Object.freeze(store);
}

/** Reads and checks the environment once; reports every problem at once, never a value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const store = readStore(env, problems);
  const v = readVariables(env, APP_VARIABLES, problems);
  const slack = parseSlackMode(env, problems);
  throwIfAny(problems);
  return Object.freeze({
    ...store,
    publicUrl: v.PUBLIC_URL?.replace(/\/+$/, ''),
    slackSigningSecret: v.SLACK_SIGNING_SECRET ?? '',
    slack,
    slackApiUrl: withTrailingSlash(v.SLACK_API_URL ?? 'https://slack.com/api/'),
    sotaApiUrl: (v.SOTA_API_URL ?? 'https://api.sota.io').replace(/\/+$/, ''),
    sotaApiToken: v.SOTA_API_TOKEN,
    sotaApiTokenTeams: v.SOTA_API_TOKEN_TEAMS
      ? Object.freeze(v.SOTA_API_TOKEN_TEAMS.split(',').map((id) => id.trim()))
      : undefined,
    eventMaxAgeMs: (v.EVENT_MAX_AGE_HOURS ?? 24) * 3_600_000,
  });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
