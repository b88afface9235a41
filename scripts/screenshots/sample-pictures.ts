import { createHash } from 'node:crypto';
import { renderHelp } from '../../src/blocks/commands/render-help.js';
import { renderSubscriptionList } from '../../src/blocks/commands/render-subscription-list.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { renderThreadReply } from '../../src/blocks/render-thread-reply.js';
import { type PreviewChannel, renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import { DEMO_CHANNELS } from '../demo/demo-cast.js';
import { PREVIEW_USERS } from '../demo/preview-items.js';
import { sampleClock, sampleIso, sampleMinutes, sampleSubscriptions, sampleView } from './demo-sample.js';

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
