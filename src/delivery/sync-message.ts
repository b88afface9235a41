import type { WebClient } from '@slack/web-api';
import { hashMessage } from '../blocks/message-hash.js';
import { renderChangeMessage } from '../blocks/render-change-message.js';
import { type MessageExtras, renderDeployMessage } from '../blocks/render-deploy-message.js';
import { renderThreadReply } from '../blocks/render-thread-reply.js';
import type { DeploymentView } from '../sota/deployment-state.js';
import type { DeliveryJob, MessageRecord, Store } from '../store/types.js';
import type { ChannelFilter } from './load-delivery-target.js';
import type { SlackCall } from './slack-caller.js';

export type SyncResult = 'posted' | 'updated' | 'unchanged';

export interface SyncDeps {
  store: Pick<Store, 'getMessage' | 'saveMessage'>;
  client: WebClient;
  call: SlackCall;
}

type Rendered = ReturnType<typeof renderDeployMessage>;
type Key = Pick<MessageRecord, 'teamId' | 'channelId' | 'deploymentId'>;

const isFinal = (status: string) => status === 'succeeded' || status === 'failed';

/** chat.update's answer when the message was deleted in Slack (or never existed in that channel). */
function isMessageGone(err: unknown): boolean {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return data?.error === 'message_not_found' || data?.error === 'cant_update_message';
}

async function postNew(key: Key, job: DeliveryJob, view: DeploymentView, msg: Rendered, deps: SyncDeps) {
  const shownHash = hashMessage(msg);
  const res = await deps.call('chat.postMessage', () =>
    deps.client.chat.postMessage({
      channel: key.channelId,
      text: msg.text,
      blocks: msg.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: {
        event_type: 'sota_deployment',
        event_payload: { deployment_id: job.deploymentId, project_id: job.projectId, status: view.status },
      },
    }),
  );
  if (typeof res.ts !== 'string') throw new Error('chat.postMessage answered without a ts');
  await deps.store.saveMessage({
    ...key,
    ts: res.ts,
    shownStatus: view.status,
    shownHash,
    // A message first posted in a final state says it all: no thread reply for that status.
    ...(isFinal(view.status) ? { repliedStatus: view.status } : {}),
  });
}

async function replyInThread(key: Key, ts: string, view: DeploymentView, deps: SyncDeps): Promise<void> {
  const reply = renderThreadReply(view);
  await deps.call('chat.postMessage', () =>
    deps.client.chat.postMessage({
      channel: key.channelId,
      thread_ts: ts,
      text: reply.text,
      blocks: reply.blocks,
    }),
  );
  await deps.store.saveMessage({ ...key, repliedStatus: view.status });
}

/**
 * Brings the channel's message for one deployment up to date: post it once (when the channel's filter
 * lets the deployment in), update it when its content changed whatever the filter, and answer in its
 * thread when it reaches a final state the filter wants. Each Slack effect is saved at once.
 */
export async function syncMessage(
  job: DeliveryJob,
  target: { view: DeploymentView; filter: ChannelFilter; extras?: MessageExtras },
  deps: SyncDeps,
): Promise<SyncResult> {
  const { view, filter } = target;
  const key: Key = { teamId: job.teamId, channelId: job.channelId, deploymentId: job.deploymentId };
  const msg =
    filter.style === 'change'
      ? renderChangeMessage(view, target.extras)
      : renderDeployMessage(view, target.extras);
  const record = await deps.store.getMessage(key.teamId, key.channelId, key.deploymentId);
  const ts = record?.ts;
  if (!ts) {
    if (!filter.opensMessage) return 'unchanged';
    await postNew(key, job, view, msg, deps);
    return 'posted';
  }
  let result: SyncResult = 'unchanged';
  const hash = hashMessage(msg);
  if (hash !== record.shownHash) {
    try {
      await deps.call('chat.update', () =>
        deps.client.chat.update({ channel: key.channelId, ts, text: msg.text, blocks: msg.blocks }),
      );
    } catch (err) {
      if (!isMessageGone(err)) throw err;
      // Someone deleted the message in Slack: the deployment gets a fresh one rather than none.
      await postNew(key, job, view, msg, deps);
      return 'posted';
    }
    await deps.store.saveMessage({ ...key, shownStatus: view.status, shownHash: hash });
    result = 'updated';
  }
  if (
    isFinal(view.status) &&
    record.repliedStatus !== view.status &&
    filter.repliesTo.includes(view.status)
  ) {
    await replyInThread(key, ts, view, deps);
    result = 'updated';
  }
  return result;
}
