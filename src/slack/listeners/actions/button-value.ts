import type { DeploymentButtonValue } from '../../../blocks/deploy-buttons.js';
import { z } from '../../../runtime/zod.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const valueSchema = z.object({ project_id: id, deployment_id: id });

/** The `value` of a deployment button, checked; undefined for anything else. */
export function parseButtonValue(value: unknown): DeploymentButtonValue | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const parsed = valueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The team, user, trigger and pressed button of a block_actions payload, as the listeners need them. */
export interface PressedButton {
  teamId: string;
  userId: string;
  channelId: string | undefined;
  messageTs: string | undefined;
  triggerId: string;
  responseUrl: string | undefined;
  value: DeploymentButtonValue | undefined;
}

interface BlockActionsBody {
  team?: { id?: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id?: string };
  message?: { ts?: string; thread_ts?: string };
  container?: { message_ts?: string };
  trigger_id?: string;
  response_url?: string;
  actions: Array<{ value?: string }>;
}

export function readPressedButton(body: BlockActionsBody): PressedButton {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    userId: body.user.id,
    channelId: body.channel?.id,
    messageTs: body.message?.ts ?? body.container?.message_ts,
    triggerId: body.trigger_id ?? '',
    responseUrl: body.response_url,
    value: parseButtonValue(body.actions[0]?.value),
  };
}
