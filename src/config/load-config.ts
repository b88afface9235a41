import { z } from 'zod';

/** Thrown when the environment cannot start the app; `problems` has one line per variable. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), `expects an http(s) URL (${what})`);

/** 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseKey(value: string): Buffer | undefined {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const buf = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (buf.length === 32) return buf;
  }
  return undefined;
}

const keyVar = optionalString.refine(
  (v) => v === undefined || parseKey(v) !== undefined,
  'expects 32 bytes as base64 (44 characters) or hex (64 characters)',
);

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'expects a port number 0-65535' })
    .int('expects a port number 0-65535')
    .min(0, 'expects a port number 0-65535')
    .max(65535, 'expects a port number 0-65535')
    .default(3000),
  PUBLIC_URL: optionalString.pipe(httpUrl('the externally reachable base URL').optional()),
  SLACK_SIGNING_SECRET: z
    .string({ error: 'is required (the Signing Secret from the Slack app page)' })
    .min(1, 'is required (the Signing Secret from the Slack app page)'),
  SLACK_BOT_TOKEN: optionalString.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'expects a bot token starting with xoxb-',
  ),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  SLACK_API_URL: optionalString.pipe(httpUrl('the Slack Web API base').optional()),
  SOTA_API_URL: optionalString.pipe(httpUrl('the sota.io API base').optional()),
  SOTA_API_TOKEN: optionalString,
  SOTA_API_TOKEN_TEAMS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((id) => /^[TE][A-Z0-9]{2,}$/.test(id.trim())),
    'expects Slack team ids separated by commas (T0123ABCD,T0456EFGH)',
  ),
  DATABASE_URL: optionalString,
  ENCRYPTION_KEY: keyVar,
  ENCRYPTION_KEY_PREVIOUS: keyVar,
  LOG_LEVEL: optionalString.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()),
  EVENT_MAX_AGE_HOURS: z.coerce
    .number({ error: 'expects a number of hours' })
    .positive('expects a positive number of hours')
    .default(24),
});

export type SlackMode =
  | { kind: 'single'; botToken: string }
  | { kind: 'multi'; clientId: string; clientSecret: string; stateSecret: string };

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  readonly port: number;
  readonly publicUrl: string | undefined;
  readonly slackSigningSecret: string;
  readonly slack: SlackMode;
  readonly slackApiUrl: string;
  readonly sotaApiUrl: string;
  readonly sotaApiToken: string | undefined;
  /** Multi-workspace mode: the teams that may use `sotaApiToken`; undefined when not set (then none may). */
  readonly sotaApiTokenTeams: readonly string[] | undefined;
  readonly database: DatabaseConfig;
  /** Raw 32-byte key, or undefined when the embedded key file should be used. */
  readonly encryptionKey: Buffer | undefined;
  readonly previousEncryptionKey: Buffer | undefined;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly eventMaxAgeMs: number;
}

function parseDatabase(url: string | undefined, problems: string[]): DatabaseConfig {
  const value = url ?? 'file:./data/sota-slack.db';
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('file:')) {
    problems.push('DATABASE_URL expects file:<path>, a plain path, or postgres://…');
  }
  const path = value.startsWith('file:') ? value.slice('file:'.length) : value;
  if (path === '') problems.push('DATABASE_URL expects a file path after file:');
  return { kind: 'sqlite', path };
}

type SlackVars = Partial<
  Record<'SLACK_BOT_TOKEN' | 'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET', string>
>;

function parseSlackMode(env: SlackVars, problems: string[]): SlackMode {
  const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
  if (env.SLACK_BOT_TOKEN) return { kind: 'single', botToken: env.SLACK_BOT_TOKEN };
  if (oauth.every((v) => v !== undefined)) {
    return {
      kind: 'multi',
      clientId: env.SLACK_CLIENT_ID!,
      clientSecret: env.SLACK_CLIENT_SECRET!,
      stateSecret: env.SLACK_STATE_SECRET!,
    };
  }
  const names = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];
  const missing = names.filter((_, i) => oauth[i] === undefined);
  if (missing.length < names.length) {
    for (const name of missing)
      problems.push(`${name} is required in multi-workspace mode (or set SLACK_BOT_TOKEN instead)`);
  } else {
    problems.push(
      'SLACK_BOT_TOKEN is required for single-workspace mode (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for multi-workspace mode)',
    );
  }
  return { kind: 'single', botToken: '' };
}

/** Reads and validates the environment once; reports every problem at once, never a secret value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const message =
        issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
      problems.push(`${name} ${message}`);
    }
    const blank = (v: string | undefined) => (v?.trim() ? v : undefined);
    parseSlackMode(
      {
        SLACK_BOT_TOKEN: blank(env.SLACK_BOT_TOKEN),
        SLACK_CLIENT_ID: blank(env.SLACK_CLIENT_ID),
        SLACK_CLIENT_SECRET: blank(env.SLACK_CLIENT_SECRET),
        SLACK_STATE_SECRET: blank(env.SLACK_STATE_SECRET),
      },
      problems,
    );
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const slack = parseSlackMode(e, problems);
  const database = parseDatabase(e.DATABASE_URL, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slack,
    slackApiUrl: withTrailingSlash(e.SLACK_API_URL ?? 'https://slack.com/api/'),
    sotaApiUrl: (e.SOTA_API_URL ?? 'https://api.sota.io').replace(/\/+$/, ''),
    sotaApiToken: e.SOTA_API_TOKEN,
    sotaApiTokenTeams: e.SOTA_API_TOKEN_TEAMS
      ? Object.freeze(e.SOTA_API_TOKEN_TEAMS.split(',').map((id) => id.trim()))
      : undefined,
    database,
    encryptionKey: e.ENCRYPTION_KEY ? parseKey(e.ENCRYPTION_KEY) : undefined,
    previousEncryptionKey: e.ENCRYPTION_KEY_PREVIOUS ? parseKey(e.ENCRYPTION_KEY_PREVIOUS) : undefined,
    logLevel: e.LOG_LEVEL ?? 'info',
    eventMaxAgeMs: e.EVENT_MAX_AGE_HOURS * 3_600_000,
  });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
