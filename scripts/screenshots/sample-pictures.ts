import { createHash } from 'node:crypto';
import { renderActionReply } from '../../src/blocks/actions/render-action-reply.js';
import { renderLogsModal } from '../../src/blocks/actions/render-logs-modal.js';
import { renderHelp } from '../../src/blocks/commands/render-help.js';
import { renderSubscriptionList } from '../../src/blocks/commands/render-subscription-list.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { type PreviewChannel, renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import { DEMO_CHANNELS, DEMO_USER } from '../demo/demo-cast.js';
import { BUILD_LOG } from '../demo/demo-day.js';
import { PREVIEW_USERS } from '../demo/preview-items.js';
import { sampleClock, sampleIso, sampleMinutes, sampleSubscriptions, sampleView } from './demo-sample.js';
import { signalPictures } from './signal-pictures.js';

/** One picture for docs/: its file name and the channel it shows. */
export interface Picture {
  file: string;
  item: PreviewChannel;
}

const DEPLOYS = `#${DEMO_CHANNELS.deploys.name}`;
/** The fix that went live, and the build that failed before it, in the demo's day. */
const LIVE = 'shop-3';
const BROKEN = 'shop-2';
const LAST_MESSAGE = sampleMinutes('pay-2').last;

/** A deployment's message as Slack shows it: the time is when it was posted, at the first webhook. */
function message(deployment: string, id: string, steps?: number) {
  const postedAt = sampleClock(sampleMinutes(deployment).first);
  return { ...renderDeployMessage(sampleView(deployment, steps)), time: postedAt, id };
}

/** The sample's failure with everything a team acts on: its reason, buttons and mentions. */
function actionableFailure() {
  const view = sampleView(BROKEN);
  const extras = { actionsAllowed: true, mentions: [`<@${DEMO_USER.id}>`, '<!here>'] };
  return {
    ...renderDeployMessage(view, extras),
    time: sampleClock(sampleMinutes(BROKEN).first),
    id: 'failed-actions',
  };
}

function logsModal() {
  const view = sampleView(BROKEN);
  const modal = renderLogsModal(
    { project: view.projectName ?? view.projectId, deploymentId: view.deploymentId },
    BUILD_LOG,
  );
  return {
    text: 'Deployment logs',
    blocks: modal.blocks,
    ephemeral: true,
    command: 'View logs',
    time: sampleClock(LAST_MESSAGE + 5),
  };
}

function rolledBack() {
  const view = sampleView(LIVE);
  const extras = { actionsAllowed: true };
  const reply = renderActionReply({
    action: 'rollback',
    userId: DEMO_USER.id,
    project: view.projectName ?? view.projectId,
    newDeploymentId: '5f0c2a9e-41d7-4b0e-9a55-1c3e8d2f7b60',
    newStatus: 'deploying',
  });
  const time = sampleClock(sampleMinutes(LIVE).last);
  return { ...renderDeployMessage(view, extras), time, id: 'rolled-back', replies: [{ ...reply, time }] };
}

function commandAnswer(reply: { text: string; blocks?: unknown }, command: string) {
  return { ...reply, ephemeral: true, command, time: sampleClock(LAST_MESSAGE + 5) };
}

/** The pictures the README shows: the demo's own data, drawn by the renderers the app uses. */
export function samplePictures(): Picture[] {
  const reply = { ...renderThreadReply(sampleView(LIVE)), time: sampleClock(sampleMinutes(LIVE).last) };
  const list = renderSubscriptionList(sampleSubscriptions(DEMO_CHANNELS.deploys.id), {
    lastMessageAt: Date.parse(sampleIso(LAST_MESSAGE)),
  });
  const one = (file: string, messages: PreviewChannel['messages']) => ({
    file,
    item: { channel: DEPLOYS, messages },
  });
  return [
    one('message-started.png', [message(LIVE, 'started', 1)]),
    one('message-succeeded.png', [message(LIVE, 'succeeded')]),
    one('message-failed.png', [message(BROKEN, 'failed')]),
    one('message-updated.png', [{ ...message(LIVE, 'updated'), replies: [reply] }]),
    one('command-help.png', [commandAnswer(renderHelp(), '/sota help')]),
    one('command-list.png', [commandAnswer(list, '/sota list')]),
    one('message-failed-actions.png', [actionableFailure()]),
    one('logs-modal.png', [logsModal()]),
    one('action-reply.png', [rolledBack()]),
    ...signalPictures(),
  ];
}

/** The page a picture is drawn from: this is what the screenshot shows, byte for byte. */
export function pictureHtml(picture: Picture): string {
  return renderSlackPreviewHtml([picture.item], { title: 'sota-slack', users: PREVIEW_USERS });
}

/** The SHA-256 of a picture's page, recorded beside the PNGs in docs/pictures.sha256. */
export function pictureHash(picture: Picture): string {
  return createHash('sha256').update(pictureHtml(picture)).digest('hex');
}

export const PICTURE_HASHES_FILE = 'pictures.sha256';

/** `<sha256>  <file>` per line, as `sha256sum` writes it. */
export function pictureHashLines(pictures: readonly Picture[]): string {
  return pictures.map((p) => `${pictureHash(p)}  ${p.file}\n`).join('');
}
