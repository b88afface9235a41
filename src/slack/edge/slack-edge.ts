import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendError } from '../../http/json-response.js';
import { ReadBodyError, ReadBodyErrorCode, readBody } from '../../http/read-body.js';
import { requestIdOf } from '../../http/request-id.js';
import type { Logger } from '../../log/logger.js';
import { type HandledPayloads, isHandledPayload } from './handled-payloads.js';
import { parseSlackBody } from './parse-slack-payload.js';
import { checkSlackRequest } from './verify-slack-request.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Bolt's own limit for a Slack request body. */
export const SLACK_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface SlackEdgeDeps {
  signingSecret: string;
  now: () => number;
  logger: Logger;
  handled: HandledPayloads;
  /** Errors of the hand-over to Bolt go here (the process error policy). */
  onError: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

type Verdict = { pass: true; rawBody: Buffer; mediaType: string } | { pass: false };

function isSlackEventsPost(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url ?? '').split('?')[0] === SLACK_EVENTS_PATH;
}

async function read(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  try {
    return await readBody(req, SLACK_BODY_LIMIT_BYTES);
  } catch (err) {
    if (err instanceof ReadBodyError && err.code === ReadBodyErrorCode.tooLarge) {
      sendError(res, 413, 'payload_too_large', 'the body is over 4 MiB');
    } else res.destroy();
    return undefined;
  }
}

/** Checks one request in a fixed order: size → signature and timestamp → shape → handled. */
async function admit(deps: SlackEdgeDeps, req: IncomingMessage, res: ServerResponse): Promise<Verdict> {
  const rawBody = await read(req, res);
  if (rawBody === undefined) return { pass: false };
  const parsed = parseSlackBody(req.headers['content-type'], rawBody);
  if (parsed.ok && parsed.payload.kind === 'ssl_check') {
    res.writeHead(200).end();
    return { pass: false };
  }
  const check = checkSlackRequest({
    signingSecret: deps.signingSecret,
    rawBody,
    signature: req.headers['x-slack-signature'],
    timestamp: req.headers['x-slack-request-timestamp'],
    nowMs: deps.now(),
  });
  const requestId = requestIdOf(req);
  if (!check.ok) {
    deps.logger.warn({ requestId, reason: check.reason }, 'Slack request refused: signature');
    sendError(res, 401, 'invalid_signature', 'the request is not signed by Slack');
    return { pass: false };
  }
  if (!parsed.ok) {
    deps.logger.warn({ requestId, problem: parsed.message }, 'Slack request refused: body');
    sendError(res, 400, 'invalid_body', parsed.message);
    return { pass: false };
  }
  if (parsed.payload.kind === 'event' && parsed.payload.body.type === 'app_rate_limited') {
    res.writeHead(200).end();
    return { pass: false };
  }
  if (!isHandledPayload(parsed.payload, deps.handled)) {
    sendError(res, 404, 'not_handled', 'the app does not act on this request');
    return { pass: false };
  }
  return { pass: true, rawBody, mediaType: parsed.mediaType };
}

/**
 * Every POST /slack/events is checked here before Bolt sees it; Bolt's own verification is off,
 * so the signature and the timestamp are read once. A refused request changes nothing. What
 * passes is handed to Bolt with its body already read (Bolt re-uses `rawBody`) and its
 * Content-Type reduced to the media type Bolt compares against.
 */
export function guardSlackEvents(inner: RequestListener, deps: SlackEdgeDeps): RequestListener {
  return (req, res) => {
    if (!isSlackEventsPost(req)) return inner(req, res);
    admit(deps, req, res)
      .then((verdict) => {
        if (!verdict.pass) return;
        req.headers['content-type'] = verdict.mediaType;
        Object.assign(req, { rawBody: verdict.rawBody });
        return inner(req, res);
      })
      .catch((err: unknown) => deps.onError(err, req, res));
  };
}
