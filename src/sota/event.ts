import type { infer as Infer } from 'zod';
import { z } from '../runtime/zod.js';

/** The three event names sota.io documents. Any other name is recorded and not posted. */
export const KNOWN_EVENTS = ['deploy.started', 'deploy.succeeded', 'deploy.failed'] as const;
export type KnownEvent = (typeof KNOWN_EVENTS)[number];

export function isKnownEvent(name: string): name is KnownEvent {
  return (KNOWN_EVENTS as readonly string[]).includes(name);
}

/** A UUID in any letter case, read as lower case: one deployment is one id however it is spelled. */
const uuid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expects a UUID')
  .transform((id) => id.toLowerCase());

/**
 * A sota.io webhook payload. Extra fields are tolerated (sota.io may add some); `data` is only
 * documented for deploy.succeeded (`url`, `status`); for failed we also read `error_message` or
 * `error` (the docs' deployment object and the official clients disagree on the name).
 */
export const sotaEventSchema = z.object({
  event: z.string().min(1).max(100),
  project_id: uuid,
  deployment_id: uuid,
  timestamp: z.iso.datetime({ offset: true }),
  data: z
    .object({
      url: z.string().optional(),
      status: z.string().optional(),
      error_message: z.string().nullable().optional(),
      error: z.string().nullable().optional(),
    })
    .loose()
    .optional()
    .default({}),
});

export type SotaEvent = Infer<typeof sotaEventSchema>;
