/**
 * `sota-slack send-test`: signs a sample sota.io event exactly as sota.io does and POSTs it, then prints
 * the answer — how to check a deployment of the app and its webhook secret end to end.
 *
 *   send-test --url <webhook url> --secret <whsec_…> [--project <uuid>] [--event deploy.succeeded]
 *   send-test --local --hook <hook id> [--port 3000] [--secret <whsec_…>] [--event …]
 *
 * With --local the event goes to the app on 127.0.0.1; without --secret the hook's secret and project
 * are read from the app's own store (the same DATABASE_URL and ENCRYPTION_KEY, from the environment or
 * .env). Exit code 0 on a 2xx answer, 1 otherwise.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { ConfigError, loadStoreConfig, type StoreConfig } from '../config/load-config.js';
import { createLogger } from '../log/logger.js';
import { describeFailureKind, failureKind } from '../net/failure-kind.js';
import type { KnownEvent } from '../sota/event.js';
import { signSotaPayload } from '../sota/signature.js';
import { openStore, resolveSecretBox } from '../store/open-store.js';
import { checkSendTestArgs, type SendTestArgs } from './lib/send-test-args.js';

export interface SendTestTarget {
  url: string;
  secret: string;
  projectId: string;
  event: KnownEvent;
}

export interface SendTestAnswer {
  status: number;
  body: string;
}

export interface SendTestIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

/** The project id sota.io's documentation uses; the app answers 400 unless it is the hook's project. */
export const SAMPLE_PROJECT_ID = '550e8400-e29b-41d4-a716-446655440000';
const SAMPLE_DATA: Record<KnownEvent, Record<string, unknown>> = {
  'deploy.started': {},
  'deploy.succeeded': { url: 'https://sample.sota.io', status: 'running' },
  'deploy.failed': { status: 'failed', error_message: 'Sample failure sent by sota-slack send-test' },
};

export const SEND_TEST_USAGE = `Usage:
  sota-slack send-test --url <webhook url> --secret <whsec_…> [--project <uuid>] [--event <event>]
  sota-slack send-test --local --hook <hook id> [--port <port>] [--secret <whsec_…>] [--event <event>]
Events: deploy.started, deploy.succeeded (default), deploy.failed (or started, succeeded, failed).
The hook id is the last part of the webhook URL the app registered with sota.io:
  <PUBLIC_URL>/webhooks/sota/<hook id>`;

/** A sample event body as sota.io sends it: a fresh deployment id, the time now to the second. */
export function buildSampleEvent(projectId: string, event: KnownEvent, now = Date.now()): string {
  const timestamp = `${new Date(now).toISOString().slice(0, 19)}Z`;
  const data = SAMPLE_DATA[event];
  return JSON.stringify({ event, project_id: projectId, deployment_id: randomUUID(), timestamp, data });
}

/** POSTs the signed sample event and returns the answer as it came. */
export async function sendTestEvent(target: SendTestTarget, timeoutMs = 10_000): Promise<SendTestAnswer> {
  const body = buildSampleEvent(target.projectId, target.event);
  const res = await fetch(target.url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-sota-signature': signSotaPayload(target.secret, body) },
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, body: await res.text() };
}

/** Thrown for what the user must fix before anything is sent: one line per problem. */
export class SendTestUsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SendTestUsageError';
  }
}

/** The hook's secret and project, read from the app's store (never printed). */
async function hookFromStore(hookId: string, config: StoreConfig) {
  if (config.database.kind === 'sqlite' && !existsSync(config.database.path)) {
    throw new Error(
      `no store at ${config.database.path}: run this where the app runs, with its DATABASE_URL`,
    );
  }
  const logger = createLogger('error');
  const store = await openStore(config, resolveSecretBox(config, logger), logger);
  try {
    const hook = await store.getHook(hookId);
    if (!hook) throw new Error(`the app's store has no hook ${hookId}`);
    return { secret: hook.secret, projectId: hook.projectId };
  } finally {
    await store.close();
  }
}

/** The settings --local needs (port, store, key), read through the config module like the app's own. */
function storeConfigOf(env: NodeJS.ProcessEnv): StoreConfig {
  try {
    return loadStoreConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new SendTestUsageError(err.problems);
    throw err;
  }
}

async function localTarget(args: Extract<SendTestArgs, { kind: 'local' }>, env: NodeJS.ProcessEnv) {
  const config = storeConfigOf(env);
  const url = `http://127.0.0.1:${args.port ?? config.port}/webhooks/sota/${args.hookId}`;
  const { event } = args;
  if (args.secret) return { url, secret: args.secret, projectId: args.projectId ?? SAMPLE_PROJECT_ID, event };
  return { url, event, ...(await hookFromStore(args.hookId, config)) };
}

/** What to send where, from the command line; throws SendTestUsageError or an Error with a message for the user. */
export async function resolveTarget(argv: string[], env: NodeJS.ProcessEnv): Promise<SendTestTarget> {
  const args = checkSendTestArgs(argv);
  if ('problems' in args) throw new SendTestUsageError(args.problems);
  if (args.kind === 'local') return localTarget(args, env);
  return {
    url: args.url,
    secret: args.secret,
    projectId: args.projectId ?? SAMPLE_PROJECT_ID,
    event: args.event,
  };
}

const HINTS: Record<number, string> = {
  400: 'the signature verified, but the app refused the event: is --project the project of this hook?',
  401: 'the signature did not verify: the secret is not the one this hook was registered with',
  404: 'the app knows no such hook: check the hook id at the end of the URL',
  410: 'this hook is no longer used by any channel',
};

function hintFor(status: number): string {
  if (status >= 200 && status < 300)
    return 'accepted: channels that follow this project get a sample message';
  return HINTS[status] ?? 'not accepted';
}

/** Why a request got no answer: the kind of failure (refused, timeout, TLS, DNS) or fetch's own message. */
function failureOf(err: unknown): string {
  const kind = failureKind(err);
  if (kind) return describeFailureKind(kind);
  return err instanceof Error ? err.message : String(err);
}

function usageProblem(err: unknown): string {
  if (err instanceof SendTestUsageError) {
    const lines = err.problems.map((p) => `  ${p}`).join('\n');
    const count = err.problems.length === 1 ? 'one problem' : `${err.problems.length} problems`;
    return `send-test: ${count} with the arguments or settings:\n${lines}`;
  }
  return `send-test: ${err instanceof Error ? err.message : String(err)}`;
}

/** Runs the command; returns the exit code (0 on a 2xx answer). */
export async function runSendTest(argv: string[], io: SendTestIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${SEND_TEST_USAGE}\n`);
    return 0;
  }
  let target: SendTestTarget;
  try {
    target = await resolveTarget(argv, io.env);
  } catch (err) {
    const usage = err instanceof SendTestUsageError ? `\n\n${SEND_TEST_USAGE}` : '';
    io.err(`${usageProblem(err)}${usage}\n`);
    return 1;
  }
  io.out(`POST ${target.url} (${target.event}, project ${target.projectId})\n`);
  try {
    const answer = await sendTestEvent(target);
    io.out(`${answer.status} ${answer.body}\n${hintFor(answer.status)}\n`);
    return answer.status >= 200 && answer.status < 300 ? 0 : 1;
  } catch (err) {
    io.err(`send-test: no answer from ${target.url}: ${failureOf(err)}\n`);
    return 1;
  }
}

async function main(): Promise<void> {
  const env = { ...process.env };
  dotenv.config({ processEnv: env, quiet: true });
  const io = {
    env,
    out: (t: string) => process.stdout.write(t),
    err: (t: string) => process.stderr.write(t),
  };
  process.exitCode = await runSendTest(process.argv.slice(2), io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
