import type { infer as Infer } from 'zod';
import { z } from '../../runtime/zod.js';

/**
 * The shapes of what Slack sends to /slack/events, as far as Bolt and our listeners read them.
 * Extra fields are tolerated (Slack adds some); a field that is read has the type it is read as.
 */
const id = z.string().min(1).max(255);
const httpUrl = z.url({ protocol: /^https?$/ });
const record = z.object({}).loose();

export const slashCommandSchema = z
  .object({
    command: z.string().regex(/^\/[^\s/]{1,64}$/),
    text: z.string(),
    team_id: id,
    user_id: id,
    channel_id: id,
    response_url: httpUrl,
    trigger_id: id,
  })
  .loose();

const team = z.object({ id }).loose();
const user = z.object({ id, team_id: id.optional() }).loose();
/** What Bolt reads of every interactivity payload: team (null for org-wide installs), user, enterprise, channel. */
const interaction = {
  team: team.nullable(),
  user,
  enterprise: record.nullable().optional(),
  channel: z.object({ id }).loose().optional(),
  response_url: httpUrl.optional(),
};

const blockActions = z
  .object({
    type: z.literal('block_actions'),
    ...interaction,
    actions: z.array(z.object({ action_id: id, type: z.string() }).loose()).min(1),
  })
  .loose();

const stateValue = z.object({ type: z.string(), value: z.string().nullable().optional() }).loose();
const viewSubmission = z
  .object({
    type: z.literal('view_submission'),
    ...interaction,
    view: z
      .object({
        id,
        callback_id: z.string(),
        team_id: z.string(),
        private_metadata: z.string(),
        app_installed_team_id: id.optional(),
        state: z.object({ values: z.record(z.string(), z.record(z.string(), stateValue)) }).loose(),
      })
      .loose(),
  })
  .loose();

/** Interactivity Slack sends that the app does not act on; well-formed, answered without Bolt. */
const otherInteraction = z
  .object({
    type: z.enum([
      'view_closed',
      'shortcut',
      'message_action',
      'block_suggestion',
      'interactive_message',
      'dialog_submission',
    ]),
    ...interaction,
  })
  .loose();

export const interactionSchema = z.discriminatedUnion('type', [
  blockActions,
  viewSubmission,
  otherInteraction,
]);

const innerEvent = z
  .object({
    type: id,
    user: z.union([z.string(), z.object({ id }).loose()]).optional(),
    channel: z.union([z.string(), record]).optional(),
    item: record.optional(),
    subteam: record.optional(),
  })
  .loose();

const authorization = z
  .object({
    team_id: id.nullable().optional(),
    enterprise_id: id.nullable().optional(),
    is_enterprise_install: z.boolean().optional(),
  })
  .loose();

const eventCallback = z
  .object({
    type: z.literal('event_callback'),
    team_id: id,
    event: innerEvent,
    authorizations: z.array(authorization).optional(),
  })
  .loose();

const urlVerification = z
  .object({ type: z.literal('url_verification'), challenge: z.string().max(1000) })
  .loose();
const rateLimited = z.object({ type: z.literal('app_rate_limited'), team_id: id }).loose();

export const eventsApiSchema = z.discriminatedUnion('type', [eventCallback, urlVerification, rateLimited]);

export type SlashCommandBody = Infer<typeof slashCommandSchema>;
export type InteractionBody = Infer<typeof interactionSchema>;
export type EventsApiBody = Infer<typeof eventsApiSchema>;
