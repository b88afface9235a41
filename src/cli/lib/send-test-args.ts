import { parseArgs } from 'node:util';
import { isKnownEvent, type KnownEvent } from '../../sota/event.js';

/** What `send-test` was asked to do, once every argument has been checked. */
export type SendTestArgs =
  | { kind: 'url'; url: string; secret: string; projectId: string | undefined; event: KnownEvent }
  | {
      kind: 'local';
      hookId: string;
      port: number | undefined;
      secret: string | undefined;
      projectId: string | undefined;
      event: KnownEvent;
    };

const STRINGS = ['url', 'secret', 'project', 'event', 'port', 'hook'] as const;
type Name = (typeof STRINGS)[number];
type Values = Partial<Record<Name, string>> & { local?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOOK_ID = /^[A-Za-z0-9_-]+$/;

/** Options, values and stray words as given; every misuse of the command line is one problem. */
function readValues(argv: string[], problems: string[]): Values {
  const options = Object.fromEntries([
    ...STRINGS.map((name) => [name, { type: 'string' as const }]),
    ['local', { type: 'boolean' as const }],
  ]);
  const { values, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const out: Values = {};
  for (const token of tokens) {
    if (token.kind === 'positional') {
      const shown = token.value.startsWith('whsec_') ? 'whsec_…' : `"${token.value}"`;
      problems.push(`unexpected argument ${shown}: every value follows its option, e.g. --url <webhook url>`);
    } else if (token.kind === 'option' && !(token.name in options)) {
      problems.push(`unknown option --${token.name} (see the usage below)`);
    }
  }
  for (const name of STRINGS) {
    const value = values[name];
    if (value === true) problems.push(`--${name} needs a value after it`);
    else if (typeof value === 'string') out[name] = value.trim();
  }
  if (values.local !== undefined) out.local = values.local === true;
  return out;
}

/** A URL typed without its scheme gets the one it most likely needs. */
function withScheme(url: string): string {
  return /^(localhost|127\.|\[::1\])/i.test(url) ? `http://${url}` : `https://${url}`;
}

function checkUrl(url: string | undefined, problems: string[]): void {
  if (url === undefined) {
    problems.push(
      '--url is required: the webhook URL as /sota list shows it (or use --local --hook <hook id> on the app’s machine)',
    );
    return;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme === undefined) {
    problems.push(`--url has no http:// or https:// in front: did you mean ${withScheme(url)}?`);
  } else if (!/^https?$/i.test(scheme)) {
    problems.push(`--url expects http:// or https://, not ${scheme}://`);
  } else if (!URL.canParse(url)) {
    problems.push('--url is not a valid URL');
  } else if (!/\/webhooks\/sota\/[A-Za-z0-9_-]+\/?$/.test(new URL(url).pathname)) {
    problems.push(
      '--url expects the webhook URL, ending in /webhooks/sota/<hook id> (as /sota list shows it)',
    );
  }
}

function checkSecret(secret: string | undefined, required: boolean, problems: string[]): void {
  if (secret === undefined) {
    if (required)
      problems.push('--secret is required with --url: the whsec_… secret sota.io gave the webhook');
  } else if (!secret.startsWith('whsec_') || secret.length <= 'whsec_'.length) {
    problems.push('--secret expects the webhook’s signing secret, which starts with whsec_');
  }
}

function checkLocal(v: Values, problems: string[]): number | undefined {
  if (v.url !== undefined)
    problems.push('--url and --local exclude each other: --local sends to the app on this machine');
  if (v.hook === undefined)
    problems.push('--local needs --hook <hook id>: the last part of the webhook URL /sota list shows');
  else if (!HOOK_ID.test(v.hook))
    problems.push('--hook expects a hook id: letters, digits, - and _ (the last part of the webhook URL)');
  if (v.port === undefined) return undefined;
  const port = Number(v.port);
  if (/^\d+$/.test(v.port) && port >= 1 && port <= 65535) return port;
  problems.push('--port expects a port number from 1 to 65535');
  return undefined;
}

function eventOf(value: string | undefined, problems: string[]): KnownEvent {
  const name = value === undefined ? 'deploy.succeeded' : value.includes('.') ? value : `deploy.${value}`;
  if (isKnownEvent(name)) return name;
  problems.push(
    '--event expects deploy.started, deploy.succeeded or deploy.failed (or started, succeeded, failed)',
  );
  return 'deploy.succeeded';
}

/** Checks every argument; returns what to do, or one line per problem (never a secret). */
export function checkSendTestArgs(argv: string[]): SendTestArgs | { problems: string[] } {
  const problems: string[] = [];
  const v = readValues(argv, problems);
  const event = eventOf(v.event, problems);
  if (v.project !== undefined && !UUID.test(v.project)) {
    problems.push(
      '--project expects a sota.io project id, a UUID such as 550e8400-e29b-41d4-a716-446655440000',
    );
  }
  if (v.local) {
    const port = checkLocal(v, problems);
    checkSecret(v.secret, false, problems);
    if (problems.length > 0) return { problems };
    return { kind: 'local', hookId: v.hook ?? '', port, secret: v.secret, projectId: v.project, event };
  }
  checkUrl(v.url, problems);
  checkSecret(v.secret, true, problems);
  for (const name of ['hook', 'port'] as const) {
    if (v[name] !== undefined) problems.push(`--${name} is only used with --local`);
  }
  if (problems.length > 0) return { problems };
  return { kind: 'url', url: v.url ?? '', secret: v.secret ?? '', projectId: v.project, event };
}
