import type { output as Output, ZodType } from 'zod';
import { z } from '../runtime/zod.js';
import { parseKey } from './parse-key.js';

/**
 * One reader per environment variable: a zod schema over the trimmed value (undefined when unset or
 * blank) and, in our own words, what the variable expects. A value that fails its schema is reported
 * as `NAME expects …`, never with the validator's wording and never with the value itself.
 */
export interface Variable<T> {
  readonly schema: ZodType<T>;
  readonly expects: string;
}

const KEY_EXPECTS =
  'expects 32 random bytes as base64 (44 characters) or hex (64 characters), e.g. from `openssl rand -base64 32`';

const httpUrl = (example: string): Variable<string | undefined> => ({
  schema: z
    .string()
    .refine((v) => /^https?:\/\/\S+$/i.test(v) && URL.canParse(v))
    .optional(),
  expects: `expects an http:// or https:// URL, e.g. ${example}`,
});

const key: Variable<string | undefined> = {
  schema: z
    .string()
    .refine((v) => parseKey(v) !== undefined)
    .optional(),
  expects: KEY_EXPECTS,
};

const text: Variable<string | undefined> = { schema: z.string().optional(), expects: 'expects text' };

export const VARIABLES = {
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).optional(),
    expects: 'expects a whole number from 0 to 65535 (the HTTP port), e.g. 3000',
  },
  PUBLIC_URL: httpUrl('https://sota-slack.example.com (the address sota.io and Slack reach the app at)'),
  SLACK_SIGNING_SECRET: {
    schema: z.string(),
    expects: "is required: the Signing Secret from the Slack app's Basic Information page",
  },
  SLACK_BOT_TOKEN: {
    schema: z.string().startsWith('xoxb-').optional(),
    expects: "expects the bot token starting with xoxb- from the Slack app's OAuth & Permissions page",
  },
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  SLACK_API_URL: httpUrl('https://slack.com/api/'),
  SOTA_API_URL: httpUrl('https://api.sota.io'),
  SOTA_API_TOKEN: text,
  SOTA_API_TOKEN_TEAMS: {
    schema: z
      .string()
      .refine((v) => v.split(',').every((id) => /^[TE][A-Z0-9]{2,}$/.test(id.trim())))
      .optional(),
    expects: 'expects Slack team ids separated by commas, e.g. T0123ABCD,T0456EFGH',
  },
  DATABASE_URL: text,
  ENCRYPTION_KEY: key,
  ENCRYPTION_KEY_PREVIOUS: key,
  LOG_LEVEL: {
    schema: z.enum(['debug', 'info', 'warn', 'error']).optional(),
    expects: 'expects one of debug, info, warn, error',
  },
  EVENT_MAX_AGE_HOURS: {
    schema: z.coerce.number().positive().optional(),
    expects: 'expects a positive number of hours, e.g. 24',
  },
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;

/** The order of the README's configuration table. */
export const VARIABLE_ORDER = Object.keys(VARIABLES) as VariableName[];
export type Values = { [K in VariableName]: Output<(typeof VARIABLES)[K]['schema']> };

/** Trimmed, with blank treated as unset. */
export function rawValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

/** Reads the named variables; every one that does not fit adds one line to `problems`. */
export function readVariables<K extends VariableName>(
  env: NodeJS.ProcessEnv,
  names: readonly K[],
  problems: string[],
): Partial<Pick<Values, K>> {
  const values: Partial<Pick<Values, K>> = {};
  for (const name of names) {
    const variable: Variable<unknown> = VARIABLES[name];
    const parsed = variable.schema.safeParse(rawValue(env, name));
    if (parsed.success) values[name] = parsed.data as Values[K];
    else problems.push(`${name} ${variable.expects}`);
  }
  return values;
}
