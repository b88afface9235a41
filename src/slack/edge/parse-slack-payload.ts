import { parse as parseQuery } from 'node:querystring';
import type { z } from 'zod';
import {
  type EventsApiBody,
  eventsApiSchema,
  type InteractionBody,
  interactionSchema,
  type SlashCommandBody,
  slashCommandSchema,
} from './slack-payload-schemas.js';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export type SlackPayload =
  | { kind: 'ssl_check' }
  | { kind: 'command'; body: SlashCommandBody }
  | { kind: 'interaction'; body: InteractionBody }
  | { kind: 'event'; body: EventsApiBody };

export type ParsedSlackBody =
  | { ok: true; mediaType: string; payload: SlackPayload }
  | { ok: false; message: string };

const invalid = (message: string) => ({ ok: false as const, message });

/** The media type without parameters, lower case; undefined for anything Slack does not send. */
export function slackMediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === FORM || type === JSON_TYPE ? type : undefined;
}

function describe(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return field === '' ? `the body is not ${what}` : `field "${field}" of ${what} is invalid`;
}

function parseJson(text: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function parseForm(text: string): ParsedSlackBody {
  const form = parseQuery(text);
  const repeated = Object.keys(form).find((key) => Array.isArray(form[key]));
  if (repeated !== undefined) return invalid(`field "${repeated.slice(0, 40)}" is repeated`);
  if (form.ssl_check === '1') return { ok: true, mediaType: FORM, payload: { kind: 'ssl_check' } };
  if (form.payload === undefined) {
    const command = slashCommandSchema.safeParse(form);
    if (!command.success) return invalid(describe(command.error, 'a slash command'));
    return { ok: true, mediaType: FORM, payload: { kind: 'command', body: command.data } };
  }
  if (Object.keys(form).length !== 1) return invalid('an interaction carries only "payload"');
  const decoded = parseJson(String(form.payload));
  if (!decoded) return invalid('field "payload" is not JSON');
  const interaction = interactionSchema.safeParse(decoded.json);
  if (!interaction.success) return invalid(describe(interaction.error, 'an interaction'));
  return { ok: true, mediaType: FORM, payload: { kind: 'interaction', body: interaction.data } };
}

/**
 * Decodes (strict UTF-8) and validates a body sent to /slack/events: a slash command or an
 * interaction (form), an Events API callback (JSON) or Slack's ssl_check. Every form field must be
 * given once. Parsing is the same Bolt does afterwards, so Bolt sees exactly what was checked.
 */
export function parseSlackBody(contentType: string | undefined, rawBody: Buffer): ParsedSlackBody {
  const mediaType = slackMediaType(contentType);
  if (mediaType === undefined) return invalid('the body must be a form or JSON');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    return invalid('the body is not valid UTF-8');
  }
  if (mediaType === FORM) return parseForm(text);
  const decoded = parseJson(text);
  if (!decoded) return invalid('the body is not JSON');
  const event = eventsApiSchema.safeParse(decoded.json);
  if (!event.success) return invalid(describe(event.error, 'an Events API request'));
  return { ok: true, mediaType, payload: { kind: 'event', body: event.data } };
}
