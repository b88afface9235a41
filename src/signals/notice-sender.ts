import type { WebClient } from '@slack/web-api';
import { computeBackoff } from '../delivery/backoff.js';
import { classifySlackError } from '../delivery/classify-slack-error.js';
import { createWaker } from '../delivery/waker.js';
import type { Logger } from '../log/logger.js';
import type { Notice } from '../store/signal-types.js';
import type { Store } from '../store/types.js';

export interface NoticeSenderDeps {
  store: Store;
  logger: Logger;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  now: () => number;
  owner: string;
  pollIntervalMs?: number;
}

export interface NoticeSender {
  start(): void;
  stop(): Promise<void>;
  wake(): void;
  /** Sends the notices due now; resolves with how many it leased. */
  runOnce(): Promise<number>;
}

const LEASE_MS = 30_000;
const BATCH = 10;
const GIVE_UP_MS = 24 * 3600_000;

/**
 * Posts claimed notices (mute summaries, digests, pause notices) once each. A notice is leased by one
 * instance; Slack's answer decides: sent, retried later (rate limit or a passing failure, for a day),
 * or dropped with the error (a channel or workspace that refuses for good).
 */
export function createNoticeSender(deps: NoticeSenderDeps): NoticeSender {
  const logger = deps.logger.child({ component: 'notices' });
  const waker = createWaker();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();

  async function send(notice: Notice): Promise<void> {
    const token = await deps.tokenFor(notice.teamId);
    if (!token || !notice.message) {
      await deps.store.finishNotice(notice.key, deps.owner, { error: token ? 'empty' : 'no_installation' });
      return;
    }
    try {
      const res = await deps.clientFor(token).chat.postMessage({
        channel: notice.channelId,
        text: notice.message.text,
        blocks: notice.message.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
      });
      await deps.store.finishNotice(notice.key, deps.owner, { ts: String(res.ts ?? '') });
    } catch (err) {
      await failed(notice, err);
    }
  }

  async function failed(notice: Notice, err: unknown): Promise<void> {
    const c = classifySlackError(err);
    const now = deps.now();
    const fields = { key: notice.key, kind: notice.kind, teamId: notice.teamId };
    if (c.kind === 'permanent' || now - notice.createdAt > GIVE_UP_MS) {
      const code = c.kind === 'rate_limited' ? 'ratelimited' : c.code;
      logger.warn({ ...fields, code }, 'notice not sent: Slack refused it for good');
      await deps.store.finishNotice(notice.key, deps.owner, { error: code });
      return;
    }
    const wait = c.kind === 'rate_limited' ? c.retryAfterMs : computeBackoff(notice.attempts + 1);
    const code = c.kind === 'rate_limited' ? 'ratelimited' : c.code;
    await deps.store.retryNotice(notice.key, deps.owner, now + wait, code);
  }

  async function runOnce(): Promise<number> {
    const notices = await deps.store.leaseNotices(deps.owner, deps.now(), LEASE_MS, BATCH);
    for (const notice of notices) await send(notice);
    return notices.length;
  }

  async function loop(): Promise<void> {
    while (running) {
      let sent = 0;
      try {
        sent = await runOnce();
      } catch (err) {
        logger.error({ err }, 'notices unavailable; trying again shortly');
      }
      if (sent < BATCH) await waker.wait(deps.pollIntervalMs ?? 1000);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      running = false;
      waker.wake();
      await loopDone;
    },
    wake: () => waker.wake(),
    runOnce,
  };
}
