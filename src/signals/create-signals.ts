import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/types.js';
import { createNoticeSender, type NoticeSender } from './notice-sender.js';
import { createSignalTicker, type SignalTicker } from './signal-ticker.js';

export interface SignalOptions {
  /** How often mute ends and due digests are looked for (default 15 s). */
  intervalMs?: number;
  /** How often the notice outbox is polled when idle (default 1 s). */
  noticePollMs?: number;
  /** Run the ticker and the sender (default true); tests may drive `tick`/`runOnce` themselves. */
  start?: boolean;
  /** More periodic work run on every tick (the daily refresh of project names). */
  extra?: ReadonlyArray<(now: number) => Promise<void>>;
}

export interface Signals {
  ticker: SignalTicker;
  notices: NoticeSender;
  start(): void;
  stop(): Promise<void>;
}

/** The timed signals of one instance: a ticker that claims, a sender that posts. */
export function createSignals(deps: {
  store: Store;
  logger: Logger;
  now: () => number;
  tokenFor: (teamId: string) => Promise<string | undefined>;
  clientFor: (token: string) => WebClient;
  options?: SignalOptions | undefined;
}): Signals {
  const owner = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const notices = createNoticeSender({ ...deps, owner, pollIntervalMs: deps.options?.noticePollMs ?? 1000 });
  const ticker = createSignalTicker({
    ...deps,
    onClaimed: notices.wake,
    intervalMs: deps.options?.intervalMs ?? 15_000,
    extra: deps.options?.extra ?? [],
  });
  return {
    ticker,
    notices,
    start() {
      ticker.start();
      notices.start();
    },
    async stop() {
      await ticker.stop();
      await notices.stop();
    },
  };
}
